import { randomBytes } from "node:crypto";
import { invalid } from "../model/errors.ts";
import { documentIdProblem } from "../model/ids.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../model/json.ts";
import type { Dataset } from "./store.ts";
import type { Change, Doc, Transaction } from "../model/types.ts";

/** Sanity-like transaction ids: random, URL-safe, 22 characters. */
export function newTransactionId(): string {
  return randomBytes(16).toString("base64url").slice(0, 22);
}

/**
 * The documents one transaction reads and writes. Nothing touches the dataset until
 * `toTransaction()` is committed, so a failing mutation leaves no trace (all or nothing).
 */
export class WorkingSet {
  readonly transactionId: string;
  readonly timestamp: string;
  readonly identity: string;
  private readonly dataset: Dataset;
  private readonly changes = new Map<string, Change>();

  constructor(dataset: Dataset, options: { transactionId?: string; identity: string }) {
    this.dataset = dataset;
    this.transactionId = options.transactionId || newTransactionId();
    this.timestamp = new Date().toISOString();
    this.identity = options.identity;
  }

  get(id: string): Doc | null {
    const change = this.changes.get(id);
    if (change) return change.after;
    return this.dataset.get(id) ?? null;
  }

  /** Every document as this transaction currently sees it. */
  all(): Doc[] {
    const docs = this.dataset.view("raw").docs.filter((doc) => !this.changes.has(doc._id));
    for (const change of this.changes.values()) if (change.after) docs.push(change.after);
    return docs;
  }

  /** Records a write; refuses (400) a new document whose id hosted Sanity would refuse, and any document nested too deeply. */
  put(id: string, after: Doc | null, mutation: unknown): void {
    if (after !== null) {
      const problem = this.get(id) === null ? documentIdProblem(id) : undefined;
      if (problem) throw invalid(problem, id);
      if (nestsDeeperThan(after, MAX_JSON_DEPTH))
        throw invalid(
          `Document "${id}" nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`,
          id,
        );
    }
    const change = this.changes.get(id);
    if (change) {
      change.after = after;
      change.mutations.push(mutation);
    } else {
      this.changes.set(id, {
        id,
        before: this.dataset.get(id) ?? null,
        after,
        mutations: [mutation],
      });
    }
  }

  /** Stamps `_rev` and `_updatedAt` on every written document and drops no-op changes. */
  toTransaction(): Transaction {
    const changes: Change[] = [];
    for (const change of this.changes.values()) {
      if (change.before === null && change.after === null) continue;
      if (change.after) {
        change.after = {
          ...change.after,
          _id: change.id,
          _rev: this.transactionId,
          _createdAt:
            (change.before?._createdAt as string | undefined) ??
            (change.after._createdAt as string | undefined) ??
            this.timestamp,
          _updatedAt: this.timestamp,
        };
      }
      changes.push(change);
    }
    return { id: this.transactionId, timestamp: this.timestamp, identity: this.identity, changes };
  }
}
