// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
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
  experimental: { globalNotFound: true },
  images: {
    // Hosted Sanity serves assets from its CDN. The local lake has no image assets in the
    // content model yet; add its host here (and `dangerouslyAllowLocalIP`) when it does.
    remotePatterns: [{ protocol: "https", hostname: "cdn.sanity.io" }],
  },
};

export default nextConfig;
