// The Studio's public settings. The Studio bundle (Next.js at /studio, or `sanity dev`) has no
// server env: each variable is read with its literal name so Next inlines NEXT_PUBLIC_* and the
// Sanity CLI (Vite) inlines SANITY_STUDIO_* at build time. This is the one place outside
// lib/env-schema.ts that reads process.env, and it reads public values only.

export const LOCAL_PROJECT_ID = "local";
export const DEFAULT_LOCAL_API_HOST = "https://localhost:3999";

export const projectId =
  process.env.NEXT_PUBLIC_SANITY_PROJECT_ID ||
  process.env.SANITY_STUDIO_PROJECT_ID ||
  LOCAL_PROJECT_ID;

export const dataset =
  process.env.NEXT_PUBLIC_SANITY_DATASET || process.env.SANITY_STUDIO_DATASET || "production";

export const isLocalProject = projectId === LOCAL_PROJECT_ID;

/**
 * The local Content Lake's address. The Studio prefixes the project id to it
 * (https://local.localhost:3999), which Chromium resolves to loopback. Unused for hosted projects.
 */
export const apiHost = isLocalProject
  ? process.env.NEXT_PUBLIC_SANITY_API_HOST ||
    process.env.SANITY_STUDIO_API_HOST ||
    DEFAULT_LOCAL_API_HOST
  : undefined;

/** Must match the API version the lake and the app's client speak. */
export const apiVersion = "2025-02-19";

export const studioBasePath = "/studio";

/**
 * The site that draft previews open on. Unset in the embedded Studio, which previews on its
 * own origin; the standalone Studio (`npm run studio`) sets SANITY_STUDIO_SITE_URL.
 */
export const siteUrl: string | undefined =
  process.env.SANITY_STUDIO_SITE_URL || process.env.NEXT_PUBLIC_SANITY_STUDIO_SITE_URL || undefined;
