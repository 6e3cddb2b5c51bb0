import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "@/lib/db/migrate";
import {
  lockPgliteFolder,
  PGLITE_LOCK_FILE,
  PgliteInUseError,
  thisHost,
  type LockRecord,
} from "@/lib/db/pglite-lock";

// PGlite allows one process per folder; a second process must be refused with what to do
// instead, never be let in to write the same files (lib/db/pglite-lock.ts).

const migrateModule = path.resolve("lib/db/migrate.ts");
const lockModule = path.resolve("lib/db/pglite-lock.ts");

/** A pid that is certainly gone here: a process that has exited. */
async function deadPid(): Promise<number> {
  const gone = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => gone.on("exit", resolve));
  return gone.pid!;
}

/** A lock file as a process with `pid` on `host` leaves it. */
function writeLock(folder: string, pid: number, host = thisHost()) {
  const record: LockRecord = { pid, host, token: crypto.randomUUID() };
  return writeFile(path.join(folder, PGLITE_LOCK_FILE), JSON.stringify(record));
}

/**
 * Processes that each load the lock module, wait for one shared instant, then try to take the
 * folder's lock at once; each reports whether it won and stays alive (holding what it won) until
 * every one has reported.
 */
async function raceForLock(folder: string, count: number) {
  const script =
    `const { lockPgliteFolder } = await import(${JSON.stringify(lockModule)});` +
    `process.stdout.write("ready\\n");` +
    `process.stdin.once("data", (start) => {` +
    `  while (Date.now() < Number(start)) {}` +
    `  try { lockPgliteFolder(${JSON.stringify(folder)}); process.stdout.write("won\\n"); }` +
    `  catch (error) { process.stdout.write("refused: " + error.message + "\\n"); }` +
    `  process.stdin.once("end", () => process.exit(0));` +
    `});`;
  const racers = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines: string[] = [];
    const waiters: Array<() => void> = [];
    child.stdout.on("data", (chunk: Buffer) => {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      waiters.splice(0).forEach((wake) => wake());
    });
    const line = async (index: number) => {
      while (lines.length <= index) await new Promise<void>((wake) => waiters.push(wake));
      return lines[index]!;
    };
    return { child, line };
  });
  await Promise.all(racers.map((racer) => racer.line(0)));
  const start = String(Date.now() + 100);
  for (const { child } of racers) child.stdin.write(start);
  const outcomes = await Promise.all(
    racers.map(async ({ child, line }) => ({ pid: child.pid!, outcome: await line(1) })),
  );
  const lockFile = JSON.parse(await readFile(path.join(folder, PGLITE_LOCK_FILE), "utf8")) as {
    pid: number;
  };
  await Promise.all(
    racers.map(({ child }) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      return exited;
    }),
  );
  return { outcomes, lockPid: lockFile.pid };
}

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
    await writeLock(folder, await deadPid());
    const second = await openInAnotherProcess(folder);
    expect(second.output).toContain("opened");
    expect(second.code).toBe(0);
  }, 60_000);

  it("refuses a lock from another host, whatever its pid means here, saying which file to delete", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "pglite-lock-"));
    cleanup.push(folder);
    const file = path.join(folder, PGLITE_LOCK_FILE);
    const here = thisHost();
    const otherHosts = [
      // Another container with the same pid as this process (pid 1 in each, say)…
      { pid: process.pid, host: { ...here, hostname: `${here.hostname}-other` } },
      // …or a pid that does not exist in this one's namespace, which is not a dead process.
      { pid: await deadPid(), host: { ...here, pidNamespace: "pid:[1]" } },
      { pid: await deadPid(), host: { ...here, bootId: "another-boot" } },
    ];
    for (const { pid, host } of otherHosts) {
      await writeLock(folder, pid, host);
      const before = await readFile(file, "utf8");
      expect(() => lockPgliteFolder(folder), host.hostname).toThrow(PgliteInUseError);
      expect(() => lockPgliteFolder(folder)).toThrow(
        `already open by process ${pid} on another host`,
      );
      expect(() => lockPgliteFolder(folder)).toThrow(`delete ${file}`);
      // Left as it was, for the process that holds it.
      expect(await readFile(file, "utf8")).toBe(before);
    }
  });

  it("lets exactly one of several processes take over a stale lock at once", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "pglite-lock-"));
    cleanup.push(folder);
    // Each round is a race the old rm-then-create takeover lost about one time in five.
    for (let round = 0; round < 8; round++) {
      await writeLock(folder, await deadPid());
      const { outcomes, lockPid } = await raceForLock(folder, 6);
      const winners = outcomes.filter(({ outcome }) => outcome === "won");
      expect(winners, JSON.stringify(outcomes)).toHaveLength(1);
      expect(lockPid).toBe(winners[0]!.pid);
      for (const { outcome } of outcomes.filter(({ outcome }) => outcome !== "won")) {
        expect(outcome).toContain(
          `refused: The PGlite database in ${folder} is already open in process ${lockPid}`,
        );
      }
    }
  }, 120_000);
});
