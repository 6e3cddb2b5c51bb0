import { LOCAL_USER, requireToken } from "./context.ts";
import type { RequestContext } from "./context.ts";
import { notFound } from "../model/errors.ts";
import { decodePathSegment, readBody, sendJson } from "./http.ts";
import { parseClientJson } from "../model/json.ts";
import { isRecord } from "../model/records.ts";

// The project/user endpoints Sanity Studio calls around the data API (see the package README,
// "What it serves"): answered just enough for the Studio to run locally.

const ACL = [{ filter: '_id in path("**")', permissions: ["read", "create", "history", "update"] }];

export async function handleStudioRoute(ctx: RequestContext): Promise<boolean> {
  const { path, req } = ctx;
  const method = req.method ?? "GET";
  const send = (body: unknown, status = 200) => sendJson(ctx.req, ctx.res, status, body);

  if (path === "/users/me" && method === "GET") {
    requireToken(ctx);
    send(LOCAL_USER);
    return true;
  }
  const keyValue = /^\/users\/me\/keyvalue(?:\/(.*))?$/.exec(path);
  if (keyValue) {
    requireToken(ctx);
    await handleKeyValue(ctx, keyValue[1] ?? "");
    return true;
  }
  const project = /^\/projects\/([^/]+)(\/.*)?$/.exec(path);
  if (project && method === "GET") {
    if (project[1] !== ctx.lake.projectId) throw notFound(`Project "${project[1]}" not found`);
    return handleProject(ctx, project[2] ?? "", send);
  }
  if (path === "/intake/telemetry-status") return (send({ status: "denied" }), true);
  if (path === "/intake/batch" || path.startsWith("/intake/")) return (send({}), true);
  if (path === "/features" || path.startsWith("/features/")) return (send([]), true);
  if (path.startsWith("/journey/")) return (send([]), true);
  if (path === "/ping") return (send("PONG"), true);
  // @sanity/client asks when a live stream fails; a disallowed origin never gets this far.
  if (path === "/check/cors")
    return (send({ result: { allowed: true, withCredentials: true } }), true);
  return false;
}

async function handleProject(
  ctx: RequestContext,
  rest: string,
  send: (body: unknown) => void,
): Promise<boolean> {
  const { projectId } = ctx.lake;
  if (rest === "" || rest === "/") {
    send({
      id: projectId,
      displayName: "Daily Insight (local lake)",
      studioHost: null,
      isBlocked: false,
      isDisabled: false,
      isDisabledByUser: false,
      metadata: { color: null, externalStudioHost: null },
      maxRetentionDays: 3,
      activityFeedEnabled: false,
      createdAt: "2026-01-01T00:00:00.000Z",
      organizationId: null,
      members: [
        {
          id: LOCAL_USER.id,
          role: "administrator",
          roles: LOCAL_USER.roles,
          isCurrentUser: true,
          isRobot: false,
          createdAt: "2026-01-01T00:00:00.000Z",
        },
      ],
      features: [],
      pendingInvites: 0,
    });
    return true;
  }
  if (rest === "/datasets") {
    const names = await ctx.lake.datasets.list();
    send(
      names.map((name) => ({
        name,
        aclMode: "public",
        createdAt: null,
        createdByUserId: LOCAL_USER.id,
        addonFor: null,
        datasetProfile: "content",
        features: [],
        tags: [],
      })),
    );
    return true;
  }
  const acl = /^\/datasets\/([^/]+)\/acl$/.exec(rest);
  if (acl?.[1]) {
    await ctx.lake.datasets.get(acl[1]);
    send(ACL);
    return true;
  }
  return false;
}

async function handleKeyValue(ctx: RequestContext, keyList: string): Promise<void> {
  const store = ctx.lake.keyValues;
  if (ctx.req.method === "GET") {
    const keys = decodePathSegment(keyList).split(",").filter(Boolean);
    sendJson(
      ctx.req,
      ctx.res,
      200,
      keys.map((key) => ({ key, value: store.get(key) ?? null })),
    );
    return;
  }
  const body = parseClientJson((await readBody(ctx.req, 1024 * 1024)).toString("utf8"), "body");
  const entries = (Array.isArray(body) ? body : [body]).filter(isRecord);
  const saved = entries.map((entry) => {
    const key = String(entry.key);
    store.set(key, entry.value ?? null);
    return { key, value: entry.value ?? null };
  });
  sendJson(ctx.req, ctx.res, 200, saved);
}
