import { createHmac } from "node:crypto";
import { evaluate, evaluateSync, parse } from "groq-js";
import { isPrivateId } from "../model/ids.ts";

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

/**
 * One GROQ-powered webhook, configured as a Sanity project's webhooks are: where to POST, which
 * document changes (`filter`, delta mode; default: every published document) and what body
 * (`projection`, delta mode; default: the whole document).
 */
export interface WebhookTarget {
  url: string;
  filter?: string;
  projection?: string;
}

type Tree = ReturnType<typeof parse>;

/** A webhook with its GROQ parsed once (a malformed filter or projection fails at start-up). */
export interface CompiledWebhook {
  url: string;
  filter: Tree | undefined;
  projection: Tree | undefined;
}

export function compileWebhook(target: WebhookTarget): CompiledWebhook {
  const compile = (what: string, groq: string | undefined) => {
    if (groq === undefined || groq.trim() === "") return undefined;
    try {
      return parse(groq, { mode: "delta" });
    } catch (error) {
      throw new Error(
        `The ${what} of the webhook to ${target.url} is not valid GROQ: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    url: target.url,
    filter: compile("filter", target.filter),
    projection: compile("projection", target.projection),
  };
}

export type WebhookOperation = "create" | "update" | "delete";

export interface WebhookDelivery {
  documentId: string;
  operation: WebhookOperation;
  body: string;
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
  tree: Tree,
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
 * Whether a change to a published document can owe `webhook` a delivery: the document matched
 * its filter before or after it. Synchronous, for the commit path; buildDeliveries decides for
 * good.
 */
export function mayNeedDelivery(
  change: CommittedTransaction["changes"][number],
  webhook: CompiledWebhook,
): boolean {
  // Sanity's default: webhooks see published documents only, not drafts or release versions.
  if (isPrivateId(change.id)) return false;
  if (!webhook.filter) return change.after !== null || change.before !== null;
  for (const doc of [change.after, change.before]) {
    if (!doc) continue;
    try {
      if (evaluateSync(webhook.filter, { root: doc }).data === true) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** The deliveries one committed transaction owes `webhook` (exported for tests and tools). */
export async function buildDeliveries(
  tx: CommittedTransaction,
  webhook: CompiledWebhook,
): Promise<WebhookDelivery[]> {
  const deliveries: WebhookDelivery[] = [];
  for (const change of tx.changes) {
    if (isPrivateId(change.id)) continue;
    const { before, after } = change;
    const operation: WebhookOperation | null =
      before && after ? "update" : after ? "create" : before ? "delete" : null;
    if (!operation) continue;
    // An update matches when the document matched the filter before or after the change.
    const candidates = [after, before].filter(
      (doc): doc is Record<string, unknown> => doc !== null,
    );
    let matches = !webhook.filter;
    for (const doc of candidates) {
      if (webhook.filter && (await evaluateDelta(webhook.filter, doc, change, tx)) === true)
        matches = true;
    }
    if (!matches) continue;
    const root = after ?? (before as Record<string, unknown>);
    const projected = webhook.projection
      ? await evaluateDelta(webhook.projection, root, change, tx)
      : root;
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
