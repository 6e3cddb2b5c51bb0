import { buildDeliveries, compileWebhook, signWebhookBody } from "./webhook-payload.ts";
import type {
  CommittedTransaction,
  CompiledWebhook,
  WebhookDelivery,
  WebhookTarget,
} from "./webhook-payload.ts";

export { buildDeliveries, signWebhookBody } from "./webhook-payload.ts";
export type {
  CommittedTransaction,
  CompiledWebhook,
  WebhookDelivery,
  WebhookOperation,
  WebhookTarget,
} from "./webhook-payload.ts";

// Sends GROQ-powered webhooks as Sanity does: at least once, retried (with a delay that doubles
// up to a cap) until the target answers 2xx, each attempt signed afresh and carrying the same
// `idempotency-key` for the same transaction and document. What is owed survives a restart
// through the transaction log (webhook-outbox.ts); this module only sends.

export interface WebhookDispatcherOptions {
  /** The project's webhooks: each its URL, filter and projection. */
  targets: WebhookTarget[];
  secret: string;
  projectId: string;
  /** Attempts per target and document; unlimited by default (a site may be down for long). */
  maxAttempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Per-attempt request timeout. */
  timeoutMs?: number;
  /** Called when a delivery gives up (only with maxAttempts); defaults to a console warning. */
  onGiveUp?: (failure: {
    target: string;
    documentId: string;
    transactionId: string;
    error: string;
  }) => void;
}

/** One published document's change that the targets are owed a delivery for. */
export interface WebhookObligation {
  dataset: string;
  transactionId: string;
  timestamp: string;
  documentId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface WebhookDispatcher {
  /** The targets' URLs: what the outbox records as owed and delivered. */
  readonly targets: readonly string[];
  /** The webhook configured for a target URL. */
  webhook(target: string): CompiledWebhook | undefined;
  /**
   * Sends `obligation` to each of `targets`; `onDone(target)` once the target answered 2xx (or,
   * when nothing matches the webhook's filter, at once; or when maxAttempts gave up).
   */
  deliver(obligation: WebhookObligation, targets: string[], onDone: (target: string) => void): void;
  /** Every change of a committed transaction, to every target, owed in memory only. */
  dispatch(tx: CommittedTransaction): void;
  /** Resolves once nothing is being built, sent or waiting for a retry (for tests and tools). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** How long closing waits for requests already sent. */
const CLOSE_GRACE_MS = 2_000;
/** Deliveries in flight per target; the rest wait their turn, oldest first. */
const IN_FLIGHT_PER_TARGET = 8;

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
    maxAttempts = Number.POSITIVE_INFINITY,
    initialDelayMs = 500,
    maxDelayMs = 30_000,
    timeoutMs = 10_000,
    onGiveUp = (failure) =>
      console.warn(
        `[lake] webhook to ${failure.target} for ${failure.documentId} (tx ${failure.transactionId}) gave up: ${failure.error}`,
      ),
  } = options;
  if (targets.length > 0 && !secret) throw new Error("webhooks need a secret to sign with");
  const webhooks = new Map(targets.map((target) => [target.url, compileWebhook(target)]));
  // Closing stops retries at once; a request already sent gets a moment to be answered, so
  // that what a target accepted is not sent again after the restart.
  const closing = new AbortController();
  const inFlight = new AbortController();
  const pending = new Set<Promise<void>>();
  const lanes = new Map<string, { active: number; waiting: Array<() => Promise<void>> }>();

  async function send(
    target: string,
    obligation: WebhookObligation,
    delivery: WebhookDelivery,
  ): Promise<boolean> {
    let lastError = "";
    for (let attempt = 1; attempt <= maxAttempts && !closing.signal.aborted; attempt++) {
      try {
        const response = await fetch(target, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            // Signed at each attempt, so a receiver that refuses stale signatures accepts a retry.
            "sanity-webhook-signature": signWebhookBody(delivery.body, secret),
            "idempotency-key": `${obligation.transactionId}-${delivery.documentId}`,
            "sanity-project-id": projectId,
            "sanity-dataset": obligation.dataset,
            "sanity-document-id": delivery.documentId,
            "sanity-transaction-id": obligation.transactionId,
            "sanity-transaction-time": obligation.timestamp,
            "sanity-operation": delivery.operation,
          },
          body: delivery.body,
          signal: AbortSignal.any([inFlight.signal, AbortSignal.timeout(timeoutMs)]),
        });
        // Drain the body so the connection is released.
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return true;
        lastError = `HTTP ${response.status}`;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      if (attempt < maxAttempts)
        await sleep(Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1)), closing.signal);
    }
    if (closing.signal.aborted) return false;
    onGiveUp({
      target,
      documentId: delivery.documentId,
      transactionId: obligation.transactionId,
      error: lastError,
    });
    return true;
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

  function enqueue(target: string, work: () => Promise<void>) {
    let lane = lanes.get(target);
    if (!lane) lanes.set(target, (lane = { active: 0, waiting: [] }));
    lane.waiting.push(work);
    const run = (current: typeof lane) => {
      while (current.active < IN_FLIGHT_PER_TARGET && current.waiting.length > 0) {
        const next = current.waiting.shift() as () => Promise<void>;
        current.active++;
        track(
          next().finally(() => {
            current.active--;
            if (!closing.signal.aborted) run(current);
          }),
        );
      }
    };
    run(lane);
  }

  const dispatcher: WebhookDispatcher = {
    targets: [...webhooks.keys()],
    webhook: (target) => webhooks.get(target),
    deliver(obligation, to, onDone) {
      if (closing.signal.aborted || to.length === 0) return;
      const tx: CommittedTransaction = {
        transactionId: obligation.transactionId,
        timestamp: obligation.timestamp,
        projectId,
        dataset: obligation.dataset,
        changes: [
          { id: obligation.documentId, before: obligation.before, after: obligation.after },
        ],
      };
      for (const target of to) {
        const webhook = webhooks.get(target);
        // A target no longer configured is owed nothing.
        if (!webhook) {
          onDone(target);
          continue;
        }
        track(
          buildDeliveries(tx, webhook).then(([delivery]) => {
            if (!delivery) return onDone(target);
            enqueue(target, async () => {
              if (await send(target, obligation, delivery)) onDone(target);
            });
          }),
        );
      }
    },
    dispatch(tx) {
      for (const change of tx.changes)
        dispatcher.deliver(
          {
            dataset: tx.dataset,
            transactionId: tx.transactionId,
            timestamp: tx.timestamp,
            documentId: change.id,
            before: change.before,
            after: change.after,
          },
          dispatcher.targets as string[],
          () => undefined,
        );
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async close() {
      closing.abort();
      const grace = setTimeout(() => inFlight.abort(), CLOSE_GRACE_MS);
      while (pending.size > 0) await Promise.allSettled([...pending]);
      clearTimeout(grace);
    },
  };
  return dispatcher;
}
