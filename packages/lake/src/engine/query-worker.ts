import { parentPort, workerData } from "node:worker_threads";
import { LakeError } from "../model/errors.ts";
import { evaluateQuery, evaluateQueryAsync, prepareQuery } from "../groq/groq.ts";
import { BudgetExceeded, runWithin } from "../groq/query-budget.ts";
import { timeLimitError } from "../model/query-limits.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import type { WorkerMessage, WorkerReply } from "./query-messages.ts";
import { finishRead } from "../groq/query-read.ts";
import type { ReadRequest, ReadResult } from "../groq/query-read.ts";
import type { Doc } from "../model/types.ts";
import { createViews } from "../groq/views.ts";
import type { ViewCache } from "../groq/views.ts";

// The query worker (see query-offload.ts): finishes the read queries that run past the main
// thread's budget, over replicas of the datasets. Every step runs under V8's hard time limit.

const { limits } = workerData as { limits: QueryLimits };
const replicas = new Map<string, { docs: Map<string, Doc>; views: ViewCache }>();

const port = parentPort;
if (!port) throw new Error("query-worker.ts runs as a worker thread");

port.on("message", (message: WorkerMessage) => {
  if (message.type === "load") {
    const docs = new Map((JSON.parse(message.json) as Doc[]).map((doc) => [doc._id, doc]));
    replicas.set(message.dataset, { docs, views: createViews(() => docs.values()) });
  } else if (message.type === "apply") {
    const replica = replicas.get(message.dataset);
    if (!replica) return;
    for (const { id, doc } of message.changes) {
      if (doc) replica.docs.set(id, doc);
      else replica.docs.delete(id);
    }
    replica.views.invalidate();
  } else {
    void answer(message.request, performance.now() + message.remainingMs).then((reply) =>
      port.postMessage(reply),
    );
  }
});

async function answer(request: ReadRequest, deadline: number): Promise<WorkerReply> {
  const within = <T>(work: () => T): T => runWithin(deadline - performance.now(), true, work);
  try {
    const replica = replicas.get(request.datasetName);
    if (!replica) throw new Error(`no replica of ${request.datasetName}`);
    const view = replica.views.get(request.viewName);
    const { tree, shape } = within(() => prepareQuery(request.query, request.params, limits));
    let result: ReadResult;
    if (shape.needsAsync) {
      // The main thread terminates this worker if the asynchronous evaluator overruns.
      const value = await evaluateQueryAsync(tree, view, request.context);
      result = within(() => finishRead(value, view, request, limits.maxResultBytes));
    } else {
      result = within(() =>
        finishRead(
          evaluateQuery(tree, view, request.context),
          view,
          request,
          limits.maxResultBytes,
        ),
      );
    }
    return { ok: true, result };
  } catch (error) {
    const refused = error instanceof BudgetExceeded ? timeLimitError(limits) : error;
    if (refused instanceof LakeError)
      return { ok: false, status: refused.status, body: refused.body };
    console.error("[lake] query worker: unexpected error", error);
    return {
      ok: false,
      status: 500,
      body: {
        error: "Internal Server Error",
        message: "Unexpected lake error (see the lake's log)",
        statusCode: 500,
      },
    };
  }
}
