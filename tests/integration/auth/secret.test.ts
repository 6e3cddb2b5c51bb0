import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { resolveAuthSecret } = await import("@/lib/auth/secret");

describe("AUTH_SECRET", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "auth-secret-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("uses the configured secret as it is", () => {
    expect(resolveAuthSecret({ AUTH_SECRET: "configured", NODE_ENV: "production" }, dir)).toBe(
      "configured",
    );
  });

  it("is required in production, with a message that says how to make one", () => {
    expect(() =>
      resolveAuthSecret({ AUTH_SECRET: undefined, NODE_ENV: "production" }, dir),
    ).toThrow(/AUTH_SECRET is not set.*openssl rand/s);
  });

  it("is generated once into .env.local in development, keeping what is there", () => {
    writeFileSync(path.join(dir, ".env.local"), "SANITY_API_WRITE_TOKEN=kept");
    const first = resolveAuthSecret({ AUTH_SECRET: undefined, NODE_ENV: "development" }, dir);
    const second = resolveAuthSecret({ AUTH_SECRET: undefined, NODE_ENV: "development" }, dir);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(second).toBe(first);
    const lines = readFileSync(path.join(dir, ".env.local"), "utf8").split("\n");
    expect(lines[0]).toBe("SANITY_API_WRITE_TOKEN=kept");
    expect(lines.filter((line) => line.startsWith("AUTH_SECRET="))).toEqual([
      `AUTH_SECRET=${first}`,
    ]);
  });
});
