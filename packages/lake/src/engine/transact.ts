import type { DatasetRegistry } from "./datasets.ts";
import { checkReferences } from "./integrity.ts";
import { httpError, LakeError, TransactionItemError, transactionError } from "../model/errors.ts";
import type { Dataset } from "./store.ts";
import type { Transaction } from "../model/types.ts";
import { WorkingSet } from "./working-set.ts";

/** The dataset, unless its log failed: then every write is refused (503) until a restart. */
export async function writableDataset(datasets: DatasetRegistry, name: string): Promise<Dataset> {
  const dataset = await datasets.get(name);
  if (!dataset.writable)
    throw httpError(
      503,
      "Service Unavailable",
      "The dataset's log could not be written; restart the lake",
    );
  return dataset;
}

/**
 * The one write path: runs `build` on a fresh working set under the dataset's lock, checks
 * referential integrity, commits, then awaits durability. `identity` is the writer's user id.
 */
export async function transact<T>(
  dataset: Dataset,
  identity: string,
  transactionId: unknown,
  dryRun: boolean,
  kind: "mutationError" | "actionError",
  build: (ws: WorkingSet) => Promise<T>,
): Promise<{ tx: Transaction; results: T }> {
  const { tx, results, durable } = await dataset.exclusive(async () => {
    const ws = new WorkingSet(dataset, {
      transactionId: typeof transactionId === "string" ? transactionId : undefined,
      identity,
    });
    let results: T;
    try {
      results = await build(ws);
    } catch (error) {
      if (error instanceof IndexedError)
        throw transactionError(kind, error.cause.status, error.cause.item, error.index);
      throw error;
    }
    const tx = ws.toTransaction();
    try {
      checkReferences(tx, dataset);
    } catch (error) {
      // The check looks at the transaction's end state, so no single mutation is to blame: the
      // error is reported against the first, as one item, like any other refused transaction.
      if (error instanceof TransactionItemError)
        throw transactionError(kind, error.status, error.item);
      throw error;
    }
    return { tx, results, durable: dryRun ? Promise.resolve() : dataset.commit(tx) };
  });
  await durable;
  return { tx, results };
}

class IndexedError extends Error {
  readonly index: number;
  override readonly cause: TransactionItemError;
  constructor(index: number, cause: TransactionItemError) {
    super(cause.message);
    this.index = index;
    this.cause = cause;
  }
}

export async function withIndex<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TransactionItemError) throw new IndexedError(index, error);
    if (error instanceof LakeError) throw error;
    throw error;
  }
}
