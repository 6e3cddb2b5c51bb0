import path from "node:path";
import { ReferenceIndex } from "./integrity.ts";
import { loadDataset } from "../persist/persistence.ts";
import { TransactionLog } from "../persist/transaction-log.ts";
import type { CompactionLimits } from "../persist/persistence.ts";
import { createViews } from "../groq/views.ts";
import { WebhookOutbox } from "./webhook-outbox.ts";
import type { WebhookDispatcher } from "./webhooks.ts";
import type { View, ViewCache } from "../groq/views.ts";
import type { Change, Doc, Transaction } from "../model/types.ts";

export type CommitListener = (dataset: string, tx: Transaction) => void;

/**
 * One dataset in memory. Transactions are computed and applied synchronously (so they are
 * serialized by the event loop), then made durable; they are acknowledged and announced to
 * listeners only once their log line is fsync'd.
 */
export class Dataset {
  readonly name: string;
  private readonly docs: Map<string, Doc>;
  private readonly log: TransactionLog;
  private readonly views: ViewCache;
  private readonly listeners = new Set<CommitListener>();
  private readonly observers = new Set<(changes: Change[]) => void>();
  private lock: Promise<unknown> = Promise.resolve();
  private lastCommitted: string | undefined;
  /** Built on the first delete that needs it, then kept current by `commit`. */
  private references: ReferenceIndex | undefined;

  private readonly outbox: WebhookOutbox | undefined;

  private constructor(
    name: string,
    docs: Map<string, Doc>,
    log: TransactionLog,
    outbox: WebhookOutbox | undefined,
  ) {
    this.name = name;
    this.docs = docs;
    this.log = log;
    this.outbox = outbox;
    this.views = createViews(() => this.docs.values());
  }

  static async open(
    dataDir: string,
    name: string,
    limits?: Partial<CompactionLimits>,
    webhooks?: { dispatcher: WebhookDispatcher; maxOwed?: number },
  ): Promise<Dataset> {
    const dir = path.join(dataDir, name);
    const loaded = await loadDataset(dir);
    let outbox: WebhookOutbox | undefined;
    // The dataset keeps this very Map, so snapshots see every applied transaction.
    const log = await TransactionLog.open(
      dir,
      loaded,
      () => [...loaded.docs.values()],
      limits,
      () => outbox?.carry() ?? [],
    );
    if (webhooks) {
      outbox = new WebhookOutbox(
        name,
        webhooks.dispatcher,
        (entry) => log.note(entry),
        webhooks.maxOwed,
      );
      outbox.restore(loaded.hooks);
    }
    return new Dataset(name, loaded.docs, log, outbox);
  }

  get(id: string): Doc | undefined {
    return this.docs.get(id);
  }

  /** Ids of the committed documents that strongly reference `id`. */
  referrersOf(id: string): ReadonlySet<string> {
    this.references ??= new ReferenceIndex(this.docs.values());
    return this.references.referrersOf(id);
  }

  get size(): number {
    return this.docs.size;
  }

  get writable(): boolean {
    return !this.log.failed;
  }

  /** All documents as the given perspective shows them; cached until the next write. */
  view(perspective: string): View {
    return this.views.get(perspective);
  }

  /** The id of the last transaction made durable since the dataset was opened. */
  get lastTransactionId(): string | undefined {
    return this.lastCommitted;
  }

  /** Called with each transaction's changes as they are applied in memory (before they are durable). */
  observeChanges(observer: (changes: Change[]) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `work` alone: transactions that must read before they write (queries, revision checks)
   * are serialized. `work` should call `commit` before returning and await durability outside.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** Applies the transaction now; resolves once it is durable (and listeners have been told). */
  async commit(tx: Transaction): Promise<void> {
    if (tx.changes.length === 0) return;
    for (const change of tx.changes) {
      if (change.after) this.docs.set(change.id, change.after);
      else this.docs.delete(change.id);
      this.references?.apply(change);
    }
    this.views.invalidate();
    for (const observer of this.observers) observer(tx.changes);
    // Webhook deliveries are owed from the moment the write is acknowledged: its own log line
    // says so, made durable by the same fsync.
    const owed = this.outbox?.record(tx);
    await this.log.append({
      tx: tx.id,
      ts: tx.timestamp,
      docs: tx.changes.map((change) => ({ id: change.id, doc: change.after })),
      ...(owed && { hooks: owed.hooks }),
    });
    owed?.durable();
    this.lastCommitted = tx.id;
    for (const listener of this.listeners) {
      try {
        listener(this.name, tx);
      } catch (error) {
        console.error("[lake] a commit listener failed", error);
      }
    }
  }

  compact(): Promise<void> {
    return this.log.compact();
  }

  get logSize(): { lines: number; bytes: number } {
    return this.log.size;
  }

  close(): Promise<void> {
    return this.log.close();
  }
}
