// PGlite is Postgres for one process: a second process opening the same folder would write the
// same files unseen by the first and corrupt them. So the folder carries a lock file naming the
// process that has it open: its pid, and where that pid means something (the host name, the
// kernel's boot id, the pid namespace: containers sharing a volume can have the same pids, and
// one container cannot see another's). Another live process on this host is refused with what to
// do instead; a lock from another host is refused too, since nothing here can tell whether its
// process still runs (the message says which file to delete if it does not); a lock left on this
// host by a process that died (kill -9, a crash) is taken over. The lock is per process, not per
// open: this process may close and reopen its own folder.
//
// Every change to the lock file is atomic, so two processes never both hold it: it appears whole
// (link(2) of a finished temporary file, which fails if the lock exists), and a stale one is
// replaced by rename(2) only by the one process that created the takeover marker named after
// that stale lock's token (O_EXCL), after reading that the lock is still that stale one.
// Plain Node can import it (relative imports only).
import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PGLITE_LOCK_FILE = ".daily-insight-pglite.lock";

/** Another process has the folder open. */
export class PgliteInUseError extends Error {
  override readonly name = "PgliteInUseError";
}

/** Where a pid is meaningful; fields Linux lacks elsewhere are left out. */
export interface LockHost {
  hostname: string;
  bootId?: string;
  pidNamespace?: string;
}

export interface LockRecord {
  pid: number;
  host: LockHost;
  /** Unique to one taking of the lock. */
  token: string;
}

export function thisHost(): LockHost {
  const read = (fn: () => string) => {
    try {
      return fn().trim() || undefined;
    } catch {
      return undefined;
    }
  };
  return {
    hostname: os.hostname(),
    bootId: read(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8")),
    pidNamespace: read(() => readlinkSync("/proc/self/ns/pid")),
  };
}

const sameHost = (a: LockHost, b: LockHost) =>
  a.hostname === b.hostname && a.bootId === b.bootId && a.pidNamespace === b.pidNamespace;

/** Lock files taken by this process, and the token each was taken with. */
const held = new Map<string, string>();

/** Takes the folder's lock for this process, or throws PgliteInUseError. */
export function lockPgliteFolder(folder: string): void {
  const file = path.join(folder, PGLITE_LOCK_FILE);
  if (held.has(file)) return;
  const host = thisHost();
  const mine: LockRecord = { pid: process.pid, host, token: randomUUID() };
  const temp = `${file}.${mine.token}`;
  writeFileSync(temp, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (tryLink(temp, file)) return hold(file, mine.token);
      const owner = readRecord(file);
      if (owner === "absent") continue;
      if (owner === "unreadable") throw inUse(folder, file, "by a process this site cannot name");
      if (!sameHost(owner.host, host)) {
        throw inUse(
          folder,
          file,
          `by process ${owner.pid} on another host (${describe(owner.host)})`,
        );
      }
      if (owner.pid === process.pid) return hold(file, owner.token);
      if (isAlive(owner.pid)) throw inUse(folder, file, `in process ${owner.pid}`);
      // Left by a process that is gone. Of everyone who found this same stale lock, the one that
      // creates its marker replaces it; the others find the new owner on their next attempt.
      const marker = `${file}.takeover-${owner.token}`;
      if (!createExclusive(marker)) {
        pause(20);
        continue;
      }
      try {
        const current = readRecord(file);
        if (typeof current === "object" && current.token === owner.token) {
          renameSync(temp, file);
          return hold(file, mine.token);
        }
      } finally {
        rmSync(marker, { force: true });
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  throw new PgliteInUseError(
    `Could not take the lock on the PGlite database in ${folder}. If no process has it open, ` +
      `delete ${file} and any ${file}.takeover-* beside it, and start again.`,
  );
}

/** Blocks this thread (the lock is taken before anything else runs). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function hold(file: string, token: string): void {
  held.set(file, token);
  if (held.size === 1) process.once("exit", releaseAll);
}

function inUse(folder: string, file: string, holder: string): PgliteInUseError {
  return new PgliteInUseError(
    `The PGlite database in ${folder} is already open ${holder}. PGlite allows one process per ` +
      "folder: to run more than one instance of the site, set DATABASE_URL to a Postgres server " +
      `that they share. If that process is no longer running (or its host or container is gone), ` +
      `delete ${file} and start again.`,
  );
}

function describe(host: LockHost): string {
  return [host.hostname, host.bootId && `boot ${host.bootId}`, host.pidNamespace]
    .filter(Boolean)
    .join(", ");
}

/** Puts the finished lock in place unless one exists (link(2) never replaces). */
function tryLink(temp: string, file: string): boolean {
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function createExclusive(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readRecord(file: string): LockRecord | "absent" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "absent";
    throw error;
  }
  try {
    const record = JSON.parse(text) as Partial<LockRecord>;
    const { pid, host, token } = record;
    if (Number.isInteger(pid) && pid! > 0 && typeof host?.hostname === "string" && token) {
      return record as LockRecord;
    }
  } catch {
    // Not a lock this site wrote.
  }
  return "unreadable";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function releaseAll(): void {
  for (const [file, token] of held) {
    const owner = readRecord(file);
    if (typeof owner === "object" && owner.token === token) rmSync(file, { force: true });
  }
  held.clear();
}
