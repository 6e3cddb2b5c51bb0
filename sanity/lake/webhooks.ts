import { createHmac } from "node:crypto";
import { evaluate, parse } from "groq-js";

// GROQ-powered webhooks as Sanity delivers them: one POST per matching document change,
// body = the projection evaluated in delta mode, signed with the header that
// @sanity/webhook verifies (`t=<ms>,v1=<base64url HMAC-SHA256 of "<t>.<body>">`).
// The lake calls dispatch() after every durable commit; delivery never blocks the commit.

export interface CommittedTransaction {
  transactionId: string;
  timestamp: string;
  projectId: string;
  dataset: string;
  changes: Array<{
    id: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>;
}

export interface WebhookDispatcherOptions {
  targets: string[];
  secret: string;
  projectId: string;
  /** Total delivery attempts per target and document (Sanity retries unless it gets a 2xx). */
  maxAttempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Per-attempt request timeout. */
  timeoutMs?: number;
  /** Called when a delivery gives up; defaults to a console warning. */
  onGiveUp?: (failure: {
    target: string;
    documentId: string;
    transactionId: string;
    error: string;
  }) => void;
}

export interface WebhookDispatcher {
  dispatch(tx: CommittedTransaction): void;
  close(): Promise<void>;
}

export const WEBHOOK_FILTER = '_type in ["post","ticker","author"]';
export const WEBHOOK_PROJECTION = `{
  _id, _type, "slug": slug.current, "symbol": symbol, "tickerIds": tickers[].ticker._ref,
  "before": before(){ "slug": slug.current, "symbol": symbol, "tickerIds": tickers[].ticker._ref },
  "operation": delta::operation()
}`;

const filterTree = parse(WEBHOOK_FILTER, { mode: "delta" });
const projectionTree = parse(WEBHOOK_PROJECTION, { mode: "delta" });

export type WebhookOperation = "create" | "update" | "delete";

export interface WebhookDelivery {
  documentId: string;
  operation: WebhookOperation;
  body: string;
}

/** Sanity's default: webhooks see published documents only, not drafts or release versions. */
export function isPublishedId(id: string): boolean {
  return !id.startsWith("drafts.") && !id.startsWith("versions.");
}

/** The Content Lake leaves null-valued attributes out of projection results. */
function omitNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, omitNulls(v)]),
    );
  }
  return value;
}

async function evaluateDelta(
  tree: ReturnType<typeof parse>,
  root: Record<string, unknown>,
  change: CommittedTransaction["changes"][number],
  tx: CommittedTransaction,
): Promise<unknown> {
  const result = await evaluate(tree, {
    root,
    before: change.before ?? undefined,
    after: change.after ?? undefined,
    timestamp: new Date(tx.timestamp),
    sanity: { projectId: tx.projectId, dataset: tx.dataset },
  });
  return result.get();
}

/** The deliveries one committed transaction produces (exported for tests and tools). */
export async function buildDeliveries(tx: CommittedTransaction): Promise<WebhookDelivery[]> {
  const deliveries: WebhookDelivery[] = [];
  for (const change of tx.changes) {
    if (!isPublishedId(change.id)) continue;
    const { before, after } = change;
    const operation: WebhookOperation | null =
      before && after ? "update" : after ? "create" : before ? "delete" : null;
    if (!operation) continue;
    // An update matches when the document matched the filter before or after the change.
    const candidates = [after, before].filter(
      (doc): doc is Record<string, unknown> => doc !== null,
    );
    let matches = false;
    for (const doc of candidates) {
      if ((await evaluateDelta(filterTree, doc, change, tx)) === true) matches = true;
    }
    if (!matches) continue;
    const projected = await evaluateDelta(
      projectionTree,
      after ?? (before as Record<string, unknown>),
      change,
      tx,
    );
    deliveries.push({
      documentId: change.id,
      operation,
      body: JSON.stringify(omitNulls(projected)),
    });
  }
  return deliveries;
}

/** The `sanity-webhook-signature` header value, byte-compatible with @sanity/webhook. */
export function signWebhookBody(
  body: string,
  secret: string,
  timestamp: number = Date.now(),
): string {
  const signature = createHmac("sha256", secret)
    .update(`${timestamp}.${body}`, "utf8")
    .digest("base64url");
  return `t=${timestamp},v1=${signature}`;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const {
    targets,
    secret,
    projectId,
    maxAttempts = 6,
    initialDelayMs = 500,
    maxDelayMs = 8000,
    timeoutMs = 10_000,
    onGiveUp = (failure) =>
      console.warn(
        `[lake] webhook to ${failure.target} for ${failure.documentId} (tx ${failure.transactionId}) gave up: ${failure.error}`,
      ),
  } = options;
  if (targets.length > 0 && !secret) throw new Error("webhooks need a secret to sign with");
  const closing = new AbortController();
  const pending = new Set<Promise<void>>();

  async function deliver(
    target: string,
    tx: CommittedTransaction,
    delivery: WebhookDelivery,
  ): Promise<void> {
    let lastError = "";
    for (let attempt = 1; attempt <= maxAttempts && !closing.signal.aborted; attempt++) {
      try {
        const response = await fetch(target, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "sanity-webhook-signature": signWebhookBody(delivery.body, secret),
            "idempotency-key": `${tx.transactionId}-${delivery.documentId}`,
            "sanity-project-id": projectId,
            "sanity-dataset": tx.dataset,
            "sanity-document-id": delivery.documentId,
            "sanity-transaction-id": tx.transactionId,
            "sanity-transaction-time": tx.timestamp,
            "sanity-operation": delivery.operation,
          },
          body: delivery.body,
          signal: AbortSignal.any([closing.signal, AbortSignal.timeout(timeoutMs)]),
        });
        // Drain the body so the connection is released.
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return;
        lastError = `HTTP ${response.status}`;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      if (attempt < maxAttempts) {
        await sleep(Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1)), closing.signal);
      }
    }
    if (!closing.signal.aborted) {
      onGiveUp({
        target,
        documentId: delivery.documentId,
        transactionId: tx.transactionId,
        error: lastError,
      });
    }
  }

  function track(work: Promise<void>) {
    const tracked = work.catch((error: unknown) => {
      console.warn(
        `[lake] webhook dispatch failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  }

  return {
    dispatch(tx) {
      if (closing.signal.aborted || targets.length === 0) return;
      track(
        buildDeliveries({ ...tx, projectId: tx.projectId || projectId }).then(
          async (deliveries) => {
            await Promise.all(
              deliveries.flatMap((delivery) =>
                targets.map((target) => deliver(target, tx, delivery)),
              ),
            );
          },
        ),
      );
    },
    async close() {
      closing.abort();
      await Promise.allSettled([...pending]);
    },
  };
}
