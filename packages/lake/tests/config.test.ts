import { describe, expect, it } from "vitest";
import { parseLakeEnv } from "../src/bin/config.ts";

// The lake's own settings (packages/lake/README.md, "Settings"): the app's environment schema
// (lib/env-schema.ts) knows only where the lake listens, LAKE_HOST and LAKE_PORT.
describe("the lake's settings", () => {
  it("defaults to loopback, its own data folder, no webhook and no production", () => {
    expect(parseLakeEnv({})).toMatchObject({
      LAKE_HOST: "127.0.0.1",
      LAKE_PORT: 3999,
      LAKE_DATA_DIR: ".data/lake",
      LAKE_WEBHOOK_URLS: [],
      LAKE_CORS_ORIGINS: [],
      LAKE_QUERY_TIMEOUT_MS: 10_000,
      LAKE_QUERY_MAX_RESULT_MB: 32,
      LAKE_ALLOW_PRODUCTION: false,
    });
  });

  it("splits webhook targets and origins, and coerces numbers", () => {
    const env = parseLakeEnv({
      LAKE_PORT: "4999",
      LAKE_WEBHOOK_URLS: "http://a.test/x, http://b.test/y,,",
      LAKE_CORS_ORIGINS: "http://localhost:3000/studio, https://editor.test",
      LAKE_QUERY_TIMEOUT_MS: "250",
      LAKE_ALLOW_PRODUCTION: "1",
    });
    expect(env.LAKE_PORT).toBe(4999);
    expect(env.LAKE_WEBHOOK_URLS).toEqual(["http://a.test/x", "http://b.test/y"]);
    expect(env.LAKE_CORS_ORIGINS).toEqual(["http://localhost:3000", "https://editor.test"]);
    expect(env.LAKE_QUERY_TIMEOUT_MS).toBe(250);
    expect(env.LAKE_ALLOW_PRODUCTION).toBe(true);
  });

  it("names the setting that is wrong", () => {
    expect(() => parseLakeEnv({ LAKE_PORT: "not-a-port" })).toThrow(/LAKE_PORT/);
    expect(() => parseLakeEnv({ LAKE_WEBHOOK_URLS: "not a url" })).toThrow(/LAKE_WEBHOOK_URLS/);
    expect(() => parseLakeEnv({ LAKE_CORS_ORIGINS: "javascript:alert(1)" })).toThrow(
      /LAKE_CORS_ORIGINS/,
    );
    expect(() => parseLakeEnv({ LAKE_ALLOW_PRODUCTION: "yes" })).toThrow(/LAKE_ALLOW_PRODUCTION/);
  });
});
