import type { DatasetRegistry } from "../engine/datasets.ts";
import type { QueryEngine } from "../engine/query-engine.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import { unauthorized } from "../model/errors.ts";
import type { Auth, Req, Res } from "./http.ts";

/** What every route handler gets: the request, its parsed URL and auth, and the lake's state. */
export interface RequestContext {
  req: Req;
  res: Res;
  url: URL;
  /** The path with the `/v<api version>` prefix removed. */
  path: string;
  auth: Auth;
  lake: LakeState;
}

export interface LakeState {
  projectId: string;
  token: string;
  dataDir: string;
  datasets: DatasetRegistry;
  /** Read queries, within the limits (query-engine.ts). */
  queries: QueryEngine;
  queryLimits: QueryLimits;
  /** Plain-HTTP base URL, used for asset URLs. */
  baseUrl(): string;
  /** Browser origins whose requests are answered, with CORS headers (see origins.ts). */
  allowedOrigins: ReadonlySet<string>;
  /** Open server-sent-event streams, ended on close. */
  streams: Set<Res>;
  /** How often open event streams send a heartbeat (a comment line). */
  heartbeatMs: number;
  /** Studio user settings (`/users/me/keyvalue`), kept in memory. */
  keyValues: Map<string, unknown>;
}

/** The one local user, as `/users/me` and listener `identity` report it. */
export const LOCAL_USER = {
  id: "p-local-editor",
  name: "Local Editor",
  email: "editor@localhost",
  profileImage: null,
  role: "administrator",
  roles: [{ name: "administrator", title: "Administrator" }],
  provider: "local",
};

export function identityOf(ctx: RequestContext): string {
  return ctx.auth === "token" ? LOCAL_USER.id : "";
}

export function requireToken(ctx: RequestContext): void {
  if (ctx.auth !== "token")
    throw unauthorized(
      ctx.auth === "invalid"
        ? "Invalid token"
        : "This request needs a token (Authorization: Bearer …)",
    );
}
