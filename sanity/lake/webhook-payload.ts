import { createHmac } from "node:crypto";
import { evaluate, evaluateSync, parse } from "groq-js";

// What a GROQ-powered webhook sends, as Sanity builds it: one POST per matching document change,
// body = the projection evaluated in delta mode, signed with the header that
// @sanity/webhook verifies (`t=<ms>,v1=<base64url HMAC-SHA256 of "<t>.<body>">`).

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

/**
 * Whether a change to a published document can owe a delivery: the document matched the filter
 * before or after it. Synchronous, for the commit path; buildDeliveries decides for good.
 */
export function mayNeedDelivery(change: CommittedTransaction["changes"][number]): boolean {
  if (!isPublishedId(change.id)) return false;
  for (const doc of [change.after, change.before]) {
    if (!doc) continue;
    try {
      if (evaluateSync(filterTree, { root: doc }).data === true) return true;
    } catch {
      return true;
    }
  }
  return false;
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
