import { chmod, mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Doc } from "../model/types.ts";

// On-disk layout of one dataset: `data.ndjson` is a snapshot in Sanity's export format (one
// document per line); `log.ndjson` holds one line per committed transaction with the resulting
// state of every changed document, so replaying it over the snapshot is idempotent. A line may
// also say which webhook deliveries the transaction owes, and later lines which were made.

export interface LogEntry {
  tx: string;
  ts: string;
  docs: Array<{ id: string; doc: Doc | null }>;
  /** Webhook deliveries this transaction owes (see webhook-outbox.ts). */
  hooks?: OwedHook[];
}

/**
 * A webhook delivery owed for one published document: its state before the transaction (and
 * after it, when that is not in the entry's `docs`), and the targets that already answered 2xx.
 */
export interface OwedHook {
  id: string;
  before: Doc | null;
  after?: Doc | null;
  delivered?: string[];
}

/** A target answered 2xx: the delivery is no longer owed to it. */
export interface DeliveredEntry {
  delivered: { tx: string; id: string; target: string };
}

export type LogLine = LogEntry | DeliveredEntry;

/** What the log says is owed to webhook targets, in commit order. */
export interface ReplayedHooks {
  owed: Array<{ tx: string; ts: string; hook: OwedHook & { after: Doc | null } }>;
  delivered: DeliveredEntry["delivered"][];
}

export interface CompactionLimits {
  maxLines: number;
  maxBytes: number;
}

// Everything the lake writes is its owner's alone, like .env.local and the TLS key: documents
// (drafts included), the log and uploaded assets.
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (and missing parents) readable by its owner only; tightens an existing one. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await chmod(dir, PRIVATE_DIR_MODE);
}

/** Tightens a file written before the lake made its files private; a missing one is fine. */
export async function makePrivate(file: string): Promise<void> {
  await chmod(file, PRIVATE_FILE_MODE).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}

export const DEFAULT_LIMITS: CompactionLimits = { maxLines: 5_000, maxBytes: 64 * 1024 * 1024 };

export interface LoadedDataset {
  docs: Map<string, Doc>;
  lines: number;
  bytes: number;
  tornBytes: number;
  hooks: ReplayedHooks;
}

export async function loadDataset(dir: string): Promise<LoadedDataset> {
  const docs = new Map<string, Doc>();
  const hooks: ReplayedHooks = { owed: [], delivered: [] };
  const snapshot = await readOptional(path.join(dir, "data.ndjson"));
  if (snapshot) {
    let lineNo = 0;
    for (const line of snapshot.split("\n")) {
      lineNo++;
      if (!line.trim()) continue;
      let doc: Doc;
      try {
        doc = JSON.parse(line) as Doc;
      } catch {
        throw new Error(`${path.join(dir, "data.ndjson")}:${lineNo}: not valid JSON`);
      }
      if (typeof doc._id === "string") docs.set(doc._id, doc);
    }
  }
  const log = await readOptional(path.join(dir, "log.ndjson"));
  if (!log) return { docs, lines: 0, bytes: 0, tornBytes: 0, hooks };
  // A line is committed only once its newline is on disk: anything after the last one is a torn write.
  const end = log.lastIndexOf("\n") + 1;
  let lines = 0;
  for (const line of log.slice(0, end).split("\n")) {
    if (!line) continue;
    let entry: LogLine;
    try {
      entry = JSON.parse(line) as LogLine;
    } catch {
      console.warn(`[lake] skipping an unreadable line in ${path.join(dir, "log.ndjson")}`);
      continue;
    }
    lines++;
    if ("delivered" in entry) {
      hooks.delivered.push(entry.delivered);
      continue;
    }
    for (const { id, doc } of entry.docs) {
      if (doc) docs.set(id, doc);
      else docs.delete(id);
    }
    for (const hook of entry.hooks ?? []) {
      const after =
        hook.after !== undefined
          ? hook.after
          : (entry.docs.find((d) => d.id === hook.id)?.doc ?? null);
      hooks.owed.push({ tx: entry.tx, ts: entry.ts, hook: { ...hook, after } });
    }
  }
  const bytes = Buffer.byteLength(log.slice(0, end));
  return { docs, lines, bytes, tornBytes: Buffer.byteLength(log) - bytes, hooks };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function datasetExists(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
