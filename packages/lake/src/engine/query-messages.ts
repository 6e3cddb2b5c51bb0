import type { ReadRequest, ReadResult } from "../groq/query-read.ts";
import type { Doc } from "../model/types.ts";

// What the main thread (query-offload.ts) and the query worker (query-worker.ts) send each other.

export type WorkerMessage =
  | { type: "load"; dataset: string; json: string }
  | { type: "apply"; dataset: string; changes: Array<{ id: string; doc: Doc | null }> }
  | { type: "query"; request: ReadRequest; remainingMs: number };

export type WorkerReply =
  { ok: true; result: ReadResult } | { ok: false; status: number; body: unknown };
