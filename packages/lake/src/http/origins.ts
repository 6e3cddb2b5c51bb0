import { httpError } from "../model/errors.ts";
import type { Req } from "./http.ts";

// Who may reach the lake from a browser. Any page a developer opens can send requests to
// 127.0.0.1, so the lake answers browsers only from the site's and the Studio's origins, and
// only under a loopback name: a page on evil.example that re-points its own name at 127.0.0.1
// (DNS rebinding) sends `Host: evil.example`, which is refused.

/** The site (SITE_URL's default) and the standalone Studio (`npm run studio`). */
export const DEFAULT_ALLOWED_ORIGINS = ["http://localhost:3000", "http://localhost:3333"];

/** `scheme://host[:port]` of an http(s) URL; throws for anything else. */
export function toOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`"${value}" is not an http or https origin`);
  return url.origin;
}

const LOOPBACK_NAME =
  /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** True for `localhost`, `*.localhost`, `127.x.y.z` and `[::1]`, with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/:\d{1,5}$/, "");
  return LOOPBACK_NAME.test(name);
}

/**
 * Refuses (403) a request under a name that is not loopback (HTTP/2 sends `:authority`, HTTP/1.1
 * `Host`), or from a browser origin not allowed; returns whether the response carries CORS headers.
 */
export function checkRequestSource(req: Req, allowedOrigins: ReadonlySet<string>): boolean {
  const authority = req.headers[":authority"] ?? req.headers.host;
  const host = typeof authority === "string" ? authority : "";
  if (!isLoopbackHost(host))
    throw httpError(
      403,
      "Forbidden",
      `Host "${host}" is not a loopback name: the lake answers only to localhost, *.localhost, 127.0.0.1 and [::1] (this is what stops DNS rebinding)`,
    );
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (allowedOrigins.has(origin)) return true;
  throw httpError(
    403,
    "Forbidden",
    `Origin "${origin}" may not use this lake; allowed: ${[...allowedOrigins].join(", ")} (set LAKE_CORS_ORIGINS to change them)`,
  );
}
