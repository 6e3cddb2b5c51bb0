// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Content is cached with 'use cache' + cacheTag in lib/sanity and revalidated by the Sanity
  // webhook at /api/revalidate; pages prerender a static shell and stream what is not cached.
  cacheComponents: true,
  reactStrictMode: true,
  poweredByHeader: false,
  images: {
    // Hosted Sanity serves assets from its CDN. The local lake has no image assets in the
    // content model yet; add its host here (and `dangerouslyAllowLocalIP`) when it does.
    remotePatterns: [{ protocol: "https", hostname: "cdn.sanity.io" }],
  },
};

export default nextConfig;
