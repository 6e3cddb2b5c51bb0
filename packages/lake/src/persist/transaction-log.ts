import { open, rename } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_LIMITS, ensurePrivateDir, makePrivate, PRIVATE_FILE_MODE } from "./persistence.ts";
import type { CompactionLimits, LogEntry, LogLine } from "./persistence.ts";
import type { Doc } from "../model/types.ts";

interface Pending {
  line: string;
  /** Resolved only once fsync'd (a note is only written). */
  durable: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const ignore = () => undefined;

/**
 * The append-only transaction log. `append` resolves only once its line is fsync'd; lines that
 * arrive while a write is in flight share the next fsync (group commit). `note` adds a line that
 * need not be durable at once (it rides along with the next fsync).
 */
export class TransactionLog {
  private queue: Pending[] = [];
  private compactions: Pending[] = [];
  private writing: Promise<void> | undefined;
  private failure: unknown;
  private closed = false;
  private lines: number;
  private bytes: number;
  /** Lines a compaction carried over: they do not count towards the next one. */
  private carriedLines = 0;
  private carriedBytes = 0;
  private readonly dir: string;
  private handle: FileHandle;
  private readonly snapshot: () => Iterable<Doc>;
  private readonly carry: () => LogLine[];
  private readonly limits: CompactionLimits;

  private constructor(
    dir: string,
    handle: FileHandle,
    lines: number,
    bytes: number,
    snapshot: () => Iterable<Doc>,
    carry: () => LogLine[],
    limits: CompactionLimits,
  ) {
    this.dir = dir;
    this.handle = handle;
    this.lines = lines;
    this.bytes = bytes;
    this.snapshot = snapshot;
    this.carry = carry;
    this.limits = limits;
  }

  /**
   * `snapshot` gives every document for a compaction; `carry` the lines a compaction must keep
   * in the new log (the webhook deliveries still owed).
   */
  static async open(
    dir: string,
    state: { lines: number; bytes: number; tornBytes: number },
    snapshot: () => Iterable<Doc>,
    limits: Partial<CompactionLimits> = {},
    carry: () => LogLine[] = () => [],
  ): Promise<TransactionLog> {
    await ensurePrivateDir(dir);
    await makePrivate(path.join(dir, "data.ndjson"));
    const handle = await open(path.join(dir, "log.ndjson"), "a", PRIVATE_FILE_MODE);
    await handle.chmod(PRIVATE_FILE_MODE);
    if (state.tornBytes > 0) {
      // Appending after a torn line would glue the next transaction onto it.
      await handle.truncate(state.bytes);
      await handle.sync();
    }
    return new TransactionLog(dir, handle, state.lines, state.bytes, snapshot, carry, {
      ...DEFAULT_LIMITS,
      ...limits,
    });
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  append(entry: LogEntry): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(entry)}\n`, durable: true, resolve, reject });
      this.kick();
    });
  }

  /** Writes `line` soon, without waiting for an fsync of its own (dropped if the log failed). */
  note(line: LogLine): void {
    if (this.failure !== undefined || this.closed) return;
    this.queue.push({
      line: `${JSON.stringify(line)}\n`,
      durable: false,
      resolve: ignore,
      reject: ignore,
    });
    this.kick();
  }

  /** Compacts now, between two group commits. */
  compact(): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.compactions.push({ line: "", durable: true, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
      // Work may have been queued after the loop ended but before this callback ran.
      if (this.failure === undefined && (this.queue.length > 0 || this.compactions.length > 0))
        this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 || this.compactions.length > 0) {
      const batch = this.queue.splice(0);
      try {
        if (batch.length > 0) {
          const buffer = Buffer.from(batch.map((pending) => pending.line).join(""));
          await this.handle.write(buffer);
          if (batch.some((pending) => pending.durable)) await this.handle.datasync();
          this.lines += batch.length;
          this.bytes += buffer.length;
          for (const pending of batch.splice(0)) pending.resolve();
        }
        const due =
          this.lines - this.carriedLines >= this.limits.maxLines ||
          this.bytes - this.carriedBytes >= this.limits.maxBytes;
        if (due || this.compactions.length > 0) {
          const waiting = this.compactions.splice(0);
          batch.push(...waiting);
          await this.compactNow();
          for (const pending of batch.splice(0)) pending.resolve();
        }
      } catch (error) {
        this.fail(error, batch);
        return;
      }
    }
  }

  private fail(error: unknown, batch: Pending[]): void {
    console.error(
      "[lake] the transaction log could not be written; refusing further writes",
      error,
    );
    this.failure = error;
    for (const pending of [...batch, ...this.queue.splice(0), ...this.compactions.splice(0)])
      pending.reject(error);
  }

  /**
   * Snapshot → temp file → fsync → rename over data.ndjson → fsync the directory → empty the log
   * (or swap in one holding only the carried lines). A crash before the rename leaves the old
   * snapshot and full log; after it, the new snapshot plus a log whose replay rewrites documents
   * to states the snapshot already holds (and owes webhooks the carried lines owe too).
   */
  private async compactNow(): Promise<void> {
    const target = path.join(this.dir, "data.ndjson");
    const temp = `${target}.${process.pid}.tmp`;
    const file = await open(temp, "w", PRIVATE_FILE_MODE);
    try {
      let chunk: string[] = [];
      for (const doc of this.snapshot()) {
        chunk.push(JSON.stringify(doc));
        if (chunk.length === 1000) {
          await file.write(`${chunk.join("\n")}\n`);
          chunk = [];
        }
      }
      if (chunk.length > 0) await file.write(`${chunk.join("\n")}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
    await syncDirectory(this.dir);
    const carried = this.carry().map((line) => `${JSON.stringify(line)}\n`);
    if (carried.length === 0) {
      await this.handle.truncate(0);
      await this.handle.sync();
    } else {
      await this.replaceLog(carried.join(""));
    }
    this.lines = this.carriedLines = carried.length;
    this.bytes = this.carriedBytes = Buffer.byteLength(carried.join(""));
  }

  /** The log holding only `text`, swapped in by a rename so that a crash leaves one or the other. */
  private async replaceLog(text: string): Promise<void> {
    const target = path.join(this.dir, "log.ndjson");
    const temp = `${target}.${process.pid}.tmp`;
    const file = await open(temp, "w", PRIVATE_FILE_MODE);
    try {
      await file.write(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, target);
    await syncDirectory(this.dir);
    await this.handle.close();
    this.handle = await open(target, "a", PRIVATE_FILE_MODE);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
    await this.handle.close();
  }

  get size(): { lines: number; bytes: number } {
    return { lines: this.lines, bytes: this.bytes };
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
