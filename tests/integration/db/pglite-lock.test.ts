import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/migrate";
import { PGLITE_LOCK_FILE } from "@/lib/db/pglite-lock";

// PGlite allows one process per folder; a second process must be refused with what to do
// instead, never be let in to write the same files (lib/db/pglite-lock.ts).

const migrateModule = path.resolve("lib/db/migrate.ts");

/** Opens the folder with openPglite in a process of its own, as a second instance would. */
function openInAnotherProcess(folder: string): Promise<{ code: number | null; output: string }> {
  const script =
    `const { openPglite } = await import(${JSON.stringify(migrateModule)});` +
    `const db = await openPglite(${JSON.stringify(folder)});` +
    `await db.query("select 1"); await db.close(); console.log("opened");`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

describe("one process per PGlite folder", () => {
  const cleanup: string[] = [];
  afterAll(() => Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("refuses a second process while the first has the folder open, saying to set DATABASE_URL", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "pglite-lock-"));
    cleanup.push(folder);
    const db = await openPglite(folder);
    try {
      const second = await openInAnotherProcess(folder);
      expect(second.code).not.toBe(0);
      expect(second.output).toContain(`already open in process ${process.pid}`);
      expect(second.output).toContain("set DATABASE_URL");
      expect(second.output).not.toContain("opened");
      // The first is untouched, and may close and reopen its own folder.
      expect((await db.query<{ n: number }>("select 1 as n")).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("takes over a lock left by a process that died", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "pglite-lock-"));
    cleanup.push(folder);
    // A pid that is certainly gone: a process that has exited.
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    await writeFile(path.join(folder, PGLITE_LOCK_FILE), String(gone.pid));
    const second = await openInAnotherProcess(folder);
    expect(second.output).toContain("opened");
    expect(second.code).toBe(0);
  }, 60_000);
});
