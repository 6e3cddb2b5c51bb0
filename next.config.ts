import type { NextConfig } from "next";
import path from "node:path";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { ACTION_BODY_LIMIT } from "./lib/http/action-request.ts";
import { dropSecrets } from "./lib/build-env.ts";

const nextConfig: NextConfig = {
  // Content is cached with 'use cache' + cacheTag in lib/sanity and revalidated by the Sanity
  // webhook at /api/revalidate; pages prerender a static shell and stream what is not cached.
  cacheComponents: true,
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time, so it
  // is required from node_modules rather than bundled (Next already does this for `pg`).
  serverExternalPackages: ["@electric-sql/pglite"],
  // The site and the Studio have separate root layouts (app/(site), app/(studio)), so unmatched
  // URLs get app/global-not-found.tsx, a whole document of its own.
  experimental: {
    globalNotFound: true,
    // proxy.ts reads server action bodies to refuse bad ones with a 4xx (lib/http/action-request.ts);
    // it needs no more than one byte past Next's 1 MB action limit to know a body is too large.
    proxyClientMaxBodySize: ACTION_BODY_LIMIT + 1,
  },
  images: {
    // Hosted Sanity serves assets from its CDN. The local lake has no image assets in the
    // content model yet; add its host here (and `dangerouslyAllowLocalIP`) when it does.
    remotePatterns: [{ protocol: "https", hostname: "cdn.sanity.io" }],
  },
};

// Next's route cache is always lib/cache's (pages dated by when their request began, shared
// through Redis with REDIS_URL), but it is not named here: `cacheHandler` makes Next import the
// handler afresh on every request, which cost a cached article 7%. scripts/site-server.ts installs
// it where Next looks for a process-wide one (lib/cache/incremental-cache-handler.ts).
// The 'use cache' handlers are ours only with REDIS_URL (`next start` reads this file again, so
// they are chosen by the server's environment, not the build's): configured, Next keeps a copy of
// every 'use cache' result per request (a custom handler may be remote), which cost a cached
// article a fifth of its throughput for nothing (`npm run bench -- site`); Next's own already
// dates its entries by when they began.
const sharedCache: NextConfig = {
  cacheHandlers: {
    default: path.resolve("lib/cache/use-cache-handler.ts"),
    remote: path.resolve("lib/cache/use-cache-handler.ts"),
  },
};

// The build runs without secrets: Turbopack keeps its whole environment in the build cache
// (lib/build-env.ts). Next has loaded .env files by now; the runtime still reads them as usual.
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) dropSecrets(process.env);
  return process.env.REDIS_URL ? { ...nextConfig, ...sharedCache } : nextConfig;
}
