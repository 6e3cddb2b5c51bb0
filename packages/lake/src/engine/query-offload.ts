import { Worker } from "node:worker_threads";
import { httpError, LakeError } from "../model/errors.ts";
import { queryLimitError, timeLimitError } from "../model/query-limits.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import type { ReadRequest, ReadResult } from "../groq/query-read.ts";
import type { WorkerMessage, WorkerReply } from "./query-messages.ts";
import type { Dataset } from "./store.ts";

// The main thread's side of the query worker (query-worker.ts), a thread started on the first
// query that needs it. The worker holds a replica of each dataset it has queried: a snapshot
// when it first needs one, then every change as the main thread applies it. Messages arrive in
// the order they are sent, so a query sent after a write is acknowledged sees that write.

/** How long past its deadline a query may hold the worker before the worker is terminated. */
const GRACE_MS = 1_000;
/** The worker's heap: a query that needs more ends the worker, not the lake. */
const WORKER_HEAP_MB = 2_048;

interface Job {
  dataset: Dataset;
  request: ReadRequest;
  deadline: number;
  resolve: (result: ReadResult) => void;
  reject: (error: unknown) => void;
}

export class QueryOffload {
  private readonly limits: QueryLimits;
  private worker: Worker | undefined;
  /** Datasets the worker holds, each with the function that stops forwarding its changes. */
  private readonly replicas = new Map<string, () => void>();
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | undefined;
  private closed = false;

  constructor(limits: QueryLimits) {
    this.limits = limits;
  }

  /** Runs `request` in the worker, one query at a time, within `deadline` (performance.now()). */
  run(dataset: Dataset, request: ReadRequest, deadline: number): Promise<ReadResult> {
    return new Promise<ReadResult>((resolve, reject) => {
      if (this.closed) return reject(shuttingDown());
      this.queue.push({ dataset, request, deadline, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const remainingMs = job.deadline - performance.now();
    if (remainingMs <= 0) {
      job.reject(timeLimitError(this.limits));
      this.pump();
      return;
    }
    const worker = this.ensureWorker();
    try {
      this.replicate(worker, job.dataset);
    } catch (error) {
      job.reject(error);
      this.pump();
      return;
    }
    // Normally the worker stops the query itself at its deadline; this is for when it cannot.
    const timer = setTimeout(() => this.abandon(worker), remainingMs + GRACE_MS);
    this.current = { job, timer };
    const message: WorkerMessage = { type: "query", request: job.request, remainingMs };
    worker.postMessage(message);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./query-worker.ts", import.meta.url), {
      workerData: { limits: this.limits },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.unref();
    let failure: unknown;
    worker.on("message", (reply: WorkerReply) => this.settle(reply));
    worker.on("error", (error) => (failure = error));
    worker.on("exit", () => {
      if (this.worker !== worker) return;
      this.reset();
      const outOfMemory =
        (failure as { code?: string } | undefined)?.code === "ERR_WORKER_OUT_OF_MEMORY";
      if (!outOfMemory && failure !== undefined)
        console.error("[lake] the query worker failed", failure);
      this.finish((job) =>
        job.reject(
          outOfMemory
            ? queryLimitError(
                "memory",
                `The query needed more than the ${WORKER_HEAP_MB} MB of memory the lake gives a query; narrow it or slice its results`,
              )
            : httpError(
                500,
                "Internal Server Error",
                "The lake's query worker stopped (see the lake's log)",
              ),
        ),
      );
    });
    this.worker = worker;
    return worker;
  }

  /** Sends the worker a dataset it does not hold yet, then every change to it. */
  private replicate(worker: Worker, dataset: Dataset): void {
    if (this.replicas.has(dataset.name)) return;
    const load: WorkerMessage = {
      type: "load",
      dataset: dataset.name,
      json: JSON.stringify(dataset.view("raw").docs),
    };
    worker.postMessage(load);
    const stop = dataset.observeChanges((changes) => {
      const apply: WorkerMessage = {
        type: "apply",
        dataset: dataset.name,
        changes: changes.map((change) => ({ id: change.id, doc: change.after })),
      };
      worker.postMessage(apply);
    });
    this.replicas.set(dataset.name, stop);
  }

  private settle(reply: WorkerReply): void {
    this.finish((job) =>
      reply.ok ? job.resolve(reply.result) : job.reject(new LakeError(reply.status, reply.body)),
    );
  }

  private finish(settle: (job: Job) => void): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    settle(current.job);
    this.pump();
  }

  /** The worker ran past a deadline without answering (only the asynchronous evaluator can). */
  private abandon(worker: Worker): void {
    if (this.worker !== worker) return;
    this.reset();
    void worker.terminate();
    this.finish((job) => job.reject(timeLimitError(this.limits)));
  }

  private reset(): void {
    for (const stop of this.replicas.values()) stop();
    this.replicas.clear();
    this.worker = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.reset();
    for (const job of this.queue.splice(0)) job.reject(shuttingDown());
    this.finish((job) => job.reject(shuttingDown()));
    await worker?.terminate();
  }
}

const shuttingDown = () => httpError(503, "Service Unavailable", "The lake is shutting down");
