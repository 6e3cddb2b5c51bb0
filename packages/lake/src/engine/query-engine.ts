import { evaluateQuery, NeedsAsyncEvaluation, prepareQuery } from "../groq/groq.ts";
import { BudgetExceeded, runWithin } from "../groq/query-budget.ts";
import { checkQueryText, timeLimitError } from "../model/query-limits.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import { QueryOffload } from "./query-offload.ts";
import { finishRead } from "../groq/query-read.ts";
import type { ReadRequest, ReadResult } from "../groq/query-read.ts";
import type { Dataset } from "./store.ts";

/** Longer queries are parsed off the main thread too (parsing takes about 1 ms per kB). */
const MAIN_THREAD_MAX_LENGTH = 16 * 1024;
/** Query texts that ran past the main thread's budget, most recent last, each for a minute. */
const REMEMBERED_SLOW_QUERIES = 256;
const REMEMBER_SLOW_MS = 60_000;

/**
 * Read queries. Each runs on the main thread within a short budget, which keeps the normal path
 * exactly as fast as before; one that runs past it (or is known to, or needs groq-js's
 * asynchronous evaluator) is finished by the query worker, within the overall time limit, while
 * the main thread goes on answering every other request.
 */
export class QueryEngine {
  private readonly limits: QueryLimits;
  private readonly offload: QueryOffload;
  /** Query text → until when it goes straight to the worker (then it gets another chance). */
  private readonly slow = new Map<string, number>();

  constructor(limits: QueryLimits) {
    this.limits = limits;
    this.offload = new QueryOffload(limits);
  }

  /** `startedAt` (performance.now()) is when the request arrived: the time limit counts from it. */
  async read(dataset: Dataset, request: ReadRequest, startedAt: number): Promise<ReadResult> {
    checkQueryText(request.query, this.limits);
    const deadline = startedAt + this.limits.timeoutMs;
    if (request.query.length > MAIN_THREAD_MAX_LENGTH || this.isKnownSlow(request.query))
      return this.offload.run(dataset, request, deadline);
    const { tree, shape } = prepareQuery(request.query, request.params, this.limits);
    if (shape.needsAsync) return this.offload.run(dataset, request, deadline);
    const view = dataset.view(request.viewName);
    const budget = Math.min(this.limits.mainThreadMs, deadline - performance.now());
    let result: unknown;
    try {
      result = runWithin(budget, shape.unbounded, () => evaluateQuery(tree, view, request.context));
    } catch (error) {
      if (!(error instanceof BudgetExceeded || error instanceof NeedsAsyncEvaluation)) throw error;
      if (performance.now() >= deadline) throw timeLimitError(this.limits);
      this.remember(request.query);
      return this.offload.run(dataset, request, deadline);
    }
    return finishRead(result, view, request, this.limits.maxResultBytes);
  }

  private isKnownSlow(query: string): boolean {
    const until = this.slow.get(query);
    if (until === undefined) return false;
    if (until > performance.now()) return true;
    this.slow.delete(query);
    return false;
  }

  private remember(query: string): void {
    this.slow.delete(query);
    this.slow.set(query, performance.now() + REMEMBER_SLOW_MS);
    if (this.slow.size > REMEMBERED_SLOW_QUERIES) {
      const oldest = this.slow.keys().next();
      if (!oldest.done) this.slow.delete(oldest.value);
    }
  }

  close(): Promise<void> {
    return this.offload.close();
  }
}
