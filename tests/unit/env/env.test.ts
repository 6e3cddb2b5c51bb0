import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env-schema";

// lib/env.ts is server-only; outside a React Server Components bundle that import throws.
vi.mock("server-only", () => ({}));

const { contentSourceFrom, lakeUrlFrom } = await import("@/lib/env");

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("parseEnv", () => {
  it("defaults to the local lake on loopback", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      SANITY_DATASET: "production",
      LAKE_HOST: "127.0.0.1",
      LAKE_PORT: 3999,
    });
    expect(env.SANITY_PROJECT_ID).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ SANITY_PROJECT_ID: "", SANITY_WEBHOOK_SECRET: "" });
    expect(env.SANITY_PROJECT_ID).toBeUndefined();
    expect(env.SANITY_WEBHOOK_SECRET).toBeUndefined();
  });

  it("coerces ports", () => {
    const env = parseEnv({ PORT: "4000", LAKE_PORT: "4999" });
    expect(env.PORT).toBe(4000);
    expect(env.LAKE_PORT).toBe(4999);
  });

  it("runs the lake in the site's process unless told to use a running one", () => {
    expect(parseEnv({}).LAKE_EMBEDDED).toBe(true);
    expect(parseEnv({ LAKE_EMBEDDED: "0" }).LAKE_EMBEDDED).toBe(false);
    expect(() => parseEnv({ LAKE_EMBEDDED: "no" })).toThrow(/LAKE_EMBEDDED/);
  });

  it("reads the shared cache's settings", () => {
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
    const env = parseEnv({ REDIS_URL: "redis://127.0.0.1:6380", REDIS_TIMEOUT_MS: "100" });
    expect(env).toMatchObject({ REDIS_URL: "redis://127.0.0.1:6380", REDIS_TIMEOUT_MS: 100 });
    expect(env.REDIS_KEY_PREFIX).toBe("daily-insight:");
    expect(() => parseEnv({ REDIS_URL: "http://cache.test" })).toThrow(/REDIS_URL/);
  });

  it("leaves the lake's own settings to the lake (packages/lake/tests/config.test.ts)", () => {
    const env = parseEnv({ LAKE_WEBHOOK_URLS: "not a url", LAKE_ALLOW_PRODUCTION: "yes" });
    expect(env).not.toHaveProperty("LAKE_WEBHOOK_URLS");
    expect(env).not.toHaveProperty("LAKE_ALLOW_PRODUCTION");
  });

  it("reads lists of origins as origins, and the proxy and listening settings", () => {
    const env = parseEnv({
      SANITY_STUDIO_ORIGINS: "https://daily.sanity.studio/, http://localhost:3333",
      TRUSTED_PROXY_HOPS: "1",
      LISTEN_HOST: "0.0.0.0",
    });
    expect(env.SANITY_STUDIO_ORIGINS).toEqual([
      "https://daily.sanity.studio",
      "http://localhost:3333",
    ]);
    expect(env.TRUSTED_PROXY_HOPS).toBe(1);
    expect(env.LISTEN_HOST).toBe("0.0.0.0");
    // Unset: the defaults decide (development's Studio, no proxy, loopback in development).
    expect(parseEnv({}).SANITY_STUDIO_ORIGINS).toBeUndefined();
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(() => parseEnv({ SANITY_STUDIO_ORIGINS: "javascript:alert(1)" })).toThrow(
      /SANITY_STUDIO_ORIGINS/,
    );
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("names every invalid variable", () => {
    expect(() => parseEnv({ PORT: "http", SANITY_DATASET: "Prod!", SITE_URL: "nope" })).toThrow(
      /PORT[\s\S]*SITE_URL|SITE_URL[\s\S]*PORT/,
    );
    expect(() => parseEnv({ SANITY_DATASET: "Prod!" })).toThrow(/SANITY_DATASET/);
  });
});

describe("contentSourceFrom", () => {
  it("reads the local lake without a token or CDN when no project is configured", () => {
    const source = contentSourceFrom(
      parseEnv({ NODE_ENV: "production", LAKE_PORT: "4999", SANITY_API_READ_TOKEN: "t" }),
    );
    expect(source).toEqual({
      projectId: "local",
      dataset: "production",
      isLocalLake: true,
      apiHost: "http://127.0.0.1:4999",
      readToken: undefined,
    });
  });

  it("reads the hosted project with its read token", () => {
    const production = contentSourceFrom(
      parseEnv({
        NODE_ENV: "production",
        SANITY_PROJECT_ID: "abc123",
        SANITY_DATASET: "staging",
        SANITY_API_READ_TOKEN: "t",
      }),
    );
    expect(production).toEqual({
      projectId: "abc123",
      dataset: "staging",
      isLocalLake: false,
      apiHost: undefined,
      readToken: "t",
    });
  });

  it("brackets IPv6 lake hosts", () => {
    expect(lakeUrlFrom({ LAKE_HOST: "::1", LAKE_PORT: 3999 })).toBe("http://[::1]:3999");
  });
});

describe("env", () => {
  it("is parsed from process.env when the module loads", async () => {
    vi.stubEnv("SANITY_PROJECT_ID", "");
    vi.stubEnv("LAKE_PORT", "5111");
    vi.resetModules();
    const mod = await import("@/lib/env");
    expect(mod.env.LAKE_PORT).toBe(5111);
    expect(mod.isLocalLake).toBe(true);
    expect(mod.lakeUrl).toBe("http://127.0.0.1:5111");
  });

  it("refuses an invalid environment at load", async () => {
    vi.stubEnv("LAKE_PORT", "not-a-port");
    vi.resetModules();
    await expect(import("@/lib/env")).rejects.toThrow(/LAKE_PORT/);
  });
});
