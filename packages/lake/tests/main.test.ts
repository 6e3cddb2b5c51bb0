import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureLocalSecrets } from "../src/bin/secrets.ts";
import { startLake } from "../src/http/server.ts";
import { randomToken, runMain, tempDir } from "./fixture.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const fresh = async () => {
  const dir = await tempDir();
  dirs.push(dir);
  return dir;
};

describe("local secrets and start-up guards", () => {
  it("generates missing secrets into .env.local, append-only, and reuses them", async () => {
    const dir = await fresh();
    await writeFile(path.join(dir, ".env.local"), "# mine\nPORT=4000");
    const first = ensureLocalSecrets(dir);
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect(first.webhookSecret.length).toBeGreaterThanOrEqual(32);
    const content = await readFile(path.join(dir, ".env.local"), "utf8");
    expect(content.startsWith("# mine\nPORT=4000\n")).toBe(true);
    expect(content).toContain(`SANITY_API_WRITE_TOKEN=${first.token}`);
    expect(ensureLocalSecrets(dir)).toEqual(first);
    expect(await readFile(path.join(dir, ".env.local"), "utf8")).toBe(content);
  });

  it("refuses NODE_ENV=production unless LAKE_ALLOW_PRODUCTION=1", async () => {
    const cwd = await fresh();
    const result = await runMain(cwd, {
      NODE_ENV: "production",
      LAKE_PORT: "0",
      LAKE_DATA_DIR: path.join(cwd, "data"),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain("refuses NODE_ENV=production");
  });

  it("refuses to bind outside loopback", async () => {
    await expect(
      startLake({ host: "0.0.0.0", port: 0, dataDir: await fresh(), token: randomToken() }),
    ).rejects.toThrow(/loopback/);
    const cwd = await fresh();
    const result = await runMain(cwd, {
      LAKE_HOST: "192.168.1.10",
      LAKE_PORT: "0",
      LAKE_DATA_DIR: path.join(cwd, "data"),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain("loopback");
  });
});
