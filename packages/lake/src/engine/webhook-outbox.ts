import type { DeliveredEntry, LogEntry, OwedHook, ReplayedHooks } from "../persist/persistence.ts";
import type { Doc, Transaction } from "../model/types.ts";
import { mayNeedDelivery } from "./webhook-payload.ts";
import type { WebhookDispatcher } from "./webhooks.ts";

// What one dataset owes its webhook targets, kept durable without a second fsync: a transaction's
// log line itself lists the deliveries it owes (`hooks`, with each document's state before it),
// so the obligation is on disk exactly when the write is acknowledged. A target's 2xx is noted
// by a later line, written without waiting for an fsync (a note lost in a crash only means a
// delivery sent twice: receivers deduplicate by idempotency-key, as Sanity's deliveries are at
// least once). On start the log is replayed; compaction carries what is still owed into the new
// log. What is owed is bounded: past `maxOwed`, the oldest is dropped with a warning.

export const DEFAULT_MAX_OWED = 10_000;

interface Owed {
  tx: string;
  ts: string;
  id: string;
  before: Doc | null;
  after: Doc | null;
  delivered: Set<string>;
}

export class WebhookOutbox {
  private readonly dataset: string;
  private readonly dispatcher: WebhookDispatcher;
  private readonly note: (entry: DeliveredEntry) => void;
  private readonly maxOwed: number;
  /** Oldest first: a Map keeps insertion order. */
  private readonly owed = new Map<string, Owed>();

  constructor(
    dataset: string,
    dispatcher: WebhookDispatcher,
    note: (entry: DeliveredEntry) => void,
    maxOwed = DEFAULT_MAX_OWED,
  ) {
    this.dataset = dataset;
    this.dispatcher = dispatcher;
    this.note = note;
    this.maxOwed = maxOwed;
  }

  /** Takes over what the log says is still owed, and sends it. */
  restore(replayed: ReplayedHooks): void {
    for (const { tx, ts, hook } of replayed.owed) {
      const key = keyOf(tx, hook.id);
      if (this.owed.has(key)) continue;
      this.owed.set(key, {
        tx,
        ts,
        id: hook.id,
        before: hook.before,
        after: hook.after,
        delivered: new Set(hook.delivered),
      });
    }
    for (const { tx, id, target } of replayed.delivered)
      this.owed.get(keyOf(tx, id))?.delivered.add(target);
    this.trim();
    for (const [key, owed] of this.owed) {
      if (this.settled(owed)) this.owed.delete(key);
      else this.send(owed);
    }
  }

  /**
   * Called as a transaction is applied, before its log line is written: what the line must record
   * (undefined when nothing is owed), and what to call once the line is durable.
   */
  record(tx: Transaction): { hooks: OwedHook[]; durable: () => void } | undefined {
    if (this.dispatcher.targets.length === 0) return undefined;
    const recorded: Owed[] = [];
    const webhooks = this.dispatcher.targets.flatMap(
      (target) => this.dispatcher.webhook(target) ?? [],
    );
    for (const change of tx.changes) {
      if (!webhooks.some((webhook) => mayNeedDelivery(change, webhook))) continue;
      const owed: Owed = {
        tx: tx.id,
        ts: tx.timestamp,
        id: change.id,
        before: change.before,
        after: change.after,
        delivered: new Set(),
      };
      this.owed.set(keyOf(tx.id, change.id), owed);
      recorded.push(owed);
    }
    if (recorded.length === 0) return undefined;
    this.trim();
    return {
      hooks: recorded.map(({ id, before }) => ({ id, before })),
      durable: () => {
        for (const owed of recorded)
          if (this.owed.get(keyOf(owed.tx, owed.id)) === owed) this.send(owed);
      },
    };
  }

  /** Log entries that carry everything still owed into a compacted log (no document changes). */
  carry(): LogEntry[] {
    const entries = new Map<string, LogEntry>();
    for (const owed of this.owed.values()) {
      let entry = entries.get(owed.tx);
      if (!entry) entries.set(owed.tx, (entry = { tx: owed.tx, ts: owed.ts, docs: [], hooks: [] }));
      entry.hooks?.push({
        id: owed.id,
        before: owed.before,
        after: owed.after,
        delivered: [...owed.delivered],
      });
    }
    return [...entries.values()];
  }

  get size(): number {
    return this.owed.size;
  }

  private send(owed: Owed): void {
    const targets = this.dispatcher.targets.filter((target) => !owed.delivered.has(target));
    this.dispatcher.deliver(
      {
        dataset: this.dataset,
        transactionId: owed.tx,
        timestamp: owed.ts,
        documentId: owed.id,
        before: owed.before,
        after: owed.after,
      },
      targets,
      (target) => this.done(owed, target),
    );
  }

  private done(owed: Owed, target: string): void {
    owed.delivered.add(target);
    this.note({ delivered: { tx: owed.tx, id: owed.id, target } });
    const key = keyOf(owed.tx, owed.id);
    if (this.owed.get(key) === owed && this.settled(owed)) this.owed.delete(key);
  }

  /** Owed to no configured target any more (with no targets configured, kept for later). */
  private settled(owed: Owed): boolean {
    const { targets } = this.dispatcher;
    return targets.length > 0 && targets.every((target) => owed.delivered.has(target));
  }

  private trim(): void {
    for (const [key, owed] of this.owed) {
      if (this.owed.size <= this.maxOwed) return;
      console.warn(
        `[lake] dropping the webhook owed for ${owed.id} (tx ${owed.tx}): more than ${this.maxOwed} deliveries are waiting for their targets`,
      );
      this.owed.delete(key);
      for (const target of this.dispatcher.targets)
        this.note({ delivered: { tx: owed.tx, id: owed.id, target } });
    }
  }
}

const keyOf = (tx: string, id: string) => `${tx}\u0000${id}`;
