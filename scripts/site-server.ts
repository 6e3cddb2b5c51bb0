// The site's HTTP server, behind `npm run dev` and `npm start`: Next.js's own request handler
// (the one `next dev` and `next start` run) with one addition. The address of the connection is
// appended to X-Forwarded-For, as every proxy appends the address it was reached from, so the
// app can count its trusted proxy hops from the right (TRUSTED_PROXY_HOPS,
// lib/auth/client-ip.ts). `next start` itself writes that header only when the client left it
// out, which lets a client that reaches the app directly choose the address it is counted as.
// With no trusted proxy, the client's own X-Forwarded-Host/Proto/Port are dropped. And every
// response gets the security headers (lib/http/security-headers.ts).
//
//   node scripts/site-server.ts dev|start
//
// Development listens on loopback unless LISTEN_HOST says otherwise (its /dev/mailbox lists
// sign-in links); production listens on every interface, as `next start` does.
import { createServer, type IncomingMessage } from "node:http";
import next from "next";
import RouteCache, { installRouteCache } from "../lib/cache/incremental-cache-handler.ts";
import { enabledOAuthProviders } from "../lib/auth/oauth-options.ts";
import { parseEnv } from "../lib/env-schema.ts";
import { PREFETCH_HINT_HEADER } from "../lib/http/prefetch-hint.ts";
import { securityHeaders } from "../lib/http/security-headers.ts";
import { apiHost, isLocalProject } from "../sanity/env.ts";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: node scripts/site-server.ts dev|start");
  process.exit(2);
}
const dev = mode === "dev";
const env = parseEnv(process.env);
const listenHost = env.LISTEN_HOST ?? (dev ? "127.0.0.1" : undefined);

/**
 * What any proxy does on the way in: the connecting address goes last in X-Forwarded-For. With
 * no trusted proxy in front, the other X-Forwarded-* headers can only be the client's own
 * claims, so they go (Next then fills them from the connection): a forged X-Forwarded-Proto
 * would send Next's own internal requests to https, a forged X-Forwarded-Host would pass its
 * server action Origin check.
 */
function forwardedHeaders(req: IncomingMessage): void {
  if (env.TRUSTED_PROXY_HOPS === 0) {
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) {
      delete req.headers[name];
    }
  }
  // An empty Next-Action names no action, but Next would still decode the body as one, where
  // proxy.ts cannot see it (a matcher never matches an empty header).
  if (req.headers["next-action"] === "") delete req.headers["next-action"];
  // proxy.ts cannot see Next-Router-Prefetch (lib/http/prefetch-hint.ts); it sees this.
  if (req.headers["next-router-prefetch"]) req.headers[PREFETCH_HINT_HEADER] = "1";
  else delete req.headers[PREFETCH_HINT_HEADER];
  const peer = req.socket.remoteAddress;
  if (!peer) return;
  const forwarded = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = forwarded ? `${String(forwarded)}, ${peer}` : peer;
}

// CSP, nosniff, Referrer-Policy, HSTS on https: lib/http/security-headers.ts, computed once.
const headersFor = securityHeaders({
  siteUrl: env.SITE_URL,
  development: dev,
  lakeApiHost: isLocalProject ? apiHost : undefined,
  oauthOrigins: enabledOAuthProviders(env).map((provider) => provider.origin),
  studioOrigins: env.SANITY_STUDIO_ORIGINS ?? (dev ? ["http://localhost:3333"] : []),
});

// Next's route cache is lib/cache's: pages dated by when their request began, so that a render
// under way during a revalidation is not kept as newer than it, and shared through Redis with
// REDIS_URL. Development keeps no route cache.
if (!dev) installRouteCache(RouteCache);

const app = next({ dev, dir: process.cwd(), hostname: listenHost ?? "localhost", port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();

/** A social card's path (`…/opengraph-image`, `…/twitter-image`, with or without an id). */
const CARD_PATH = /\/(?:opengraph|twitter)-image(?:-[\w-]+)?(?:\/[^/]*)?$/;

const server = createServer((req, res) => {
  forwardedHeaders(req);
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  for (const [name, value] of headersFor(pathname)) {
    res.setHeader(name, value);
  }
  // Cards answer GET and HEAD only. Next's own OPTIONS for a card whose params name nothing
  // (an unknown ticker's) never answers, and every later request for that card waits on it.
  if (req.method !== "GET" && req.method !== "HEAD" && CARD_PATH.test(pathname)) {
    // Its body is not read: the connection closes after the answer, so no client reuses it.
    res.writeHead(405, {
      allow: "GET, HEAD",
      connection: "close",
      "content-type": "text/plain; charset=utf-8",
    });
    res.end("A social card can only be fetched (GET or HEAD).");
    return;
  }
  void handle(req, res);
});
server.listen(env.PORT, listenHost, () => {
  const shown = listenHost ?? "every interface";
  console.log(`site: http://localhost:${env.PORT} (${mode}, listening on ${shown})`);
});

let closing = false;
async function close() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeAllConnections();
  await app.close();
  process.exit(0);
}
process.on("SIGTERM", () => void close());
process.on("SIGINT", () => void close());
