import { handleAssetFile, handleUpload } from "./asset-routes.ts";
import type { LakeState, RequestContext } from "./context.ts";
import { handleDoc, handleExport, handleQuery } from "./read-routes.ts";
import { handleActions, handleImport, handleMutate } from "./write-routes.ts";
import {
  badRequest,
  LakeError,
  notFound,
  TransactionItemError,
  transactionError,
  unauthorized,
} from "../model/errors.ts";
import { allowCors, authenticate, corsHeaders, decodePathSegment, sendJson } from "./http.ts";
import { checkRequestSource } from "./origins.ts";
import type { Req, Res } from "./http.ts";
import { handleListen } from "./listen.ts";
import { handleLiveEvents } from "./live.ts";
import { handleStudioRoute } from "./studio-routes.ts";

type Handler = (ctx: RequestContext, ...groups: string[]) => Promise<void>;

const ROUTES: Array<{ method: string; pattern: RegExp; handler: Handler }> = [
  { method: "GET", pattern: /^\/data\/query\/([^/]+)$/, handler: handleQuery },
  { method: "POST", pattern: /^\/data\/query\/([^/]+)$/, handler: handleQuery },
  { method: "GET", pattern: /^\/data\/doc\/([^/]+)\/(.+)$/, handler: handleDoc },
  { method: "POST", pattern: /^\/data\/mutate\/([^/]+)$/, handler: handleMutate },
  { method: "POST", pattern: /^\/data\/actions\/([^/]+)$/, handler: handleActions },
  { method: "GET", pattern: /^\/data\/listen\/([^/]+)$/, handler: handleListen },
  { method: "GET", pattern: /^\/data\/live\/events\/([^/]+)$/, handler: handleLiveEvents },
  { method: "GET", pattern: /^\/data\/export\/([^/]+)$/, handler: handleExport },
  { method: "POST", pattern: /^\/data\/import\/([^/]+)$/, handler: handleImport },
  {
    method: "POST",
    pattern: /^\/assets\/images\/([^/]+)$/,
    handler: (ctx, ds) => handleUpload(ctx, "images", ds ?? ""),
  },
  {
    method: "POST",
    pattern: /^\/assets\/files\/([^/]+)$/,
    handler: (ctx, ds) => handleUpload(ctx, "files", ds ?? ""),
  },
];

// Asset bytes live outside the versioned API, like cdn.sanity.io/images/<project>/<dataset>/<file>.
const ASSET_FILE = /^\/(?:images|files)\/([^/]+)\/([^/]+)\/([^/]+)$/;

export function createRequestHandler(lake: LakeState): (req: Req, res: Res) => void {
  return (req, res) => {
    handle(lake, req, res).catch((error: unknown) => respondWithError(req, res, error));
  };
}

async function handle(lake: LakeState, req: Req, res: Res): Promise<void> {
  if (checkRequestSource(req, lake.allowedOrigins)) allowCors(req);
  if (req.method === "OPTIONS") {
    res.writeHead(204, corsHeaders(req));
    res.end();
    return;
  }
  const url = requestUrl(req.url ?? "/");
  // Every route decodes its segments; refuse a malformed escape anywhere before any of them runs.
  decodePathSegment(url.pathname);
  const assetFile = ASSET_FILE.exec(url.pathname);
  if (assetFile && (req.method === "GET" || req.method === "HEAD")) {
    if (assetFile[1] !== lake.projectId) throw notFound("Asset not found");
    await handleAssetFile(
      { req, res, url, path: url.pathname, auth: "anonymous", lake },
      assetFile[2] ?? "",
      assetFile[3] ?? "",
    );
    return;
  }
  const path = url.pathname.replace(/^\/v[^/]+(?=\/)/, "");
  const auth = authenticate(req, lake.token);
  // Like the Content Lake, a wrong token is an error even where no token is needed.
  if (auth === "invalid") throw unauthorized("Invalid token");
  const ctx: RequestContext = { req, res, url, path, auth, lake };
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const match = route.pattern.exec(path);
    if (match) {
      await route.handler(ctx, ...match.slice(1).map(decodePathSegment));
      return;
    }
  }
  if (await handleStudioRoute(ctx)) return;
  throw notFound(`No route for ${req.method ?? "GET"} ${path}`);
}

/** The request target as a URL: `//x` is a path here, not a host; anything unparsable is a 400. */
function requestUrl(target: string): URL {
  try {
    return target.startsWith("/")
      ? new URL(`http://lake.local${target}`)
      : new URL(target, "http://lake.local");
  } catch {
    throw badRequest(`Malformed request target "${target.slice(0, 100)}"`);
  }
}

function respondWithError(req: Req, res: Res, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof LakeError) {
    sendJson(req, res, error.status, error.body);
    return;
  }
  // A working-set refusal outside withIndex() (an upload's asset document): one item, the first.
  if (error instanceof TransactionItemError) {
    const refused = transactionError("mutationError", error.status, error.item);
    sendJson(req, res, refused.status, refused.body);
    return;
  }
  console.error(`[lake] unexpected error on ${req.method ?? "GET"} ${req.url ?? ""}`, error);
  sendJson(req, res, 500, {
    error: "Internal Server Error",
    message: "Unexpected lake error (see the lake's log)",
    statusCode: 500,
  });
}
