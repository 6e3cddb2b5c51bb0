// PGlite is Postgres for one process: a second process opening the same folder would write the
// same files unseen by the first and corrupt them. So the folder carries a lock file with the
// pid of the process that has it open. Another live process finds it and is refused with what to
// do instead; a lock left by a process that died (kill -9, a crash) is taken over. The lock is
// per process, not per open: this process may close and reopen its own folder.
// Plain Node can import it (relative imports only).
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export const PGLITE_LOCK_FILE = ".daily-insight-pglite.lock";

/** Another process has the folder open. */
export class PgliteInUseError extends Error {
  override readonly name = "PgliteInUseError";
}

const held = new Set<string>();

/** Takes the folder's lock for this process, or throws PgliteInUseError. */
export function lockPgliteFolder(folder: string): void {
  const file = path.join(folder, PGLITE_LOCK_FILE);
  if (held.has(file)) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      if (held.size === 1) process.once("exit", releaseAll);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = ownerOf(file);
    if (owner === process.pid) {
      held.add(file);
      return;
    }
    if (owner !== null && isAlive(owner)) {
      throw new PgliteInUseError(
        `The PGlite database in ${folder} is already open in process ${owner}. PGlite allows ` +
          "one process per folder: to run more than one instance of the site, set DATABASE_URL " +
          "to a Postgres server that they share.",
      );
    }
    // Left by a process that is gone: take it over (if two processes race here, `wx` decides).
    rmSync(file, { force: true });
  }
  throw new PgliteInUseError(`Could not take the lock on the PGlite database in ${folder}.`);
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
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
  for (const file of held) {
    if (ownerOf(file) === process.pid) rmSync(file, { force: true });
  }
  held.clear();
}
