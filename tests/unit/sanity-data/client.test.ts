import { afterEach, describe, expect, it, vi } from "vitest";

// lib/sanity/client.ts is server-only; outside a React Server Components bundle that import throws.
vi.mock("server-only", () => ({}));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the site's Sanity client", () => {
  it("reads a hosted project in production from the API, never its CDN", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SANITY_PROJECT_ID", "abc123");
    vi.stubEnv("SANITY_API_READ_TOKEN", "");
    const { sanityClient } = await import("@/lib/sanity/client");
    const config = sanityClient.config();
    expect(config.useCdn).toBe(false);
    expect(config.url).toMatch(/^https:\/\/abc123\.api\.sanity\.io\//);
  });
});
