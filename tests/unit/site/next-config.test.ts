import { afterEach, describe, expect, it } from "vitest";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants.js";
import config from "../../../next.config.ts";

// The 'use cache' entries are shared through Redis only where the server is given REDIS_URL, and
// anywhere else Next keeps its own with no handler of ours in the way (next.config.ts). The route
// cache is never named here: scripts/site-server.ts installs lib/cache's for the whole process,
// since a configured one is imported afresh on every request.

// The build's phase removes every secret from process.env: each test gets it back whole.
const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe("next.config.ts's cache handlers", () => {
  it("are left out for a server without REDIS_URL", () => {
    delete process.env.REDIS_URL;
    const next = config(PHASE_PRODUCTION_SERVER);
    expect(next.cacheHandler).toBeUndefined();
    expect(next.cacheHandlers).toBeUndefined();
    expect(next.cacheComponents).toBe(true);
  });

  it("are lib/cache's 'use cache' handlers for a server with REDIS_URL", () => {
    process.env.REDIS_URL = "redis://127.0.0.1:6399";
    const next = config(PHASE_PRODUCTION_SERVER);
    expect(next.cacheHandler).toBeUndefined();
    expect(next.cacheHandlers?.default).toMatch(/lib\/cache\/use-cache-handler\.ts$/);
    expect(next.cacheHandlers?.remote).toBe(next.cacheHandlers?.default);
  });

  it("are left out of the build, which never sees REDIS_URL", () => {
    process.env.REDIS_URL = "redis://127.0.0.1:6399";
    const next = config(PHASE_PRODUCTION_BUILD);
    expect(next.cacheHandler).toBeUndefined();
    expect(next.cacheHandlers).toBeUndefined();
    expect(process.env.REDIS_URL).toBeUndefined();
  });
});
