import { randomBytes } from "node:crypto";
import { identityOf } from "./context.ts";
import type { RequestContext } from "./context.ts";
import { holdEventStream } from "./event-stream.ts";
import { queryFromUrl } from "./read-routes.ts";
import { badRequest } from "../model/errors.ts";
import { matchesQuery, prepareQuery } from "../groq/groq.ts";
import { corsHeaders, flag } from "./http.ts";
import { isPublicId, isVersionId } from "../model/ids.ts";
import { BudgetExceeded, runWithin } from "../groq/query-budget.ts";
import type { Transaction } from "../model/types.ts";

/**
 * `GET /data/listen/<ds>`: server-sent events. A `welcome` first (the Studio's lists wait for
 * it), then one `mutation` per changed document matching the query's filter, sent only once
 * the transaction is durable. Drafts and versions only reach listeners with a token.
 */
export async function handleListen(ctx: RequestContext, datasetName: string): Promise<void> {
  const { url, req, res } = ctx;
  const { query, params } = queryFromUrl(url);
  const limits = ctx.lake.queryLimits;
  const { tree, shape } = prepareQuery(query, params, limits);
  if (shape.needsAsync)
    throw badRequest("A listener's query cannot use diff:: or delta:: changedAny/changedOnly");
  const dataset = await ctx.lake.datasets.get(datasetName);
  // The Listen API's defaults: no result, no previous revision, mutations included. Clients
  // only ever send `true` for the first two (@sanity/client drops false flags), so the
  // Studio's listeners that leave them out must not get whole documents on every event.
  const options = {
    includeResult: flag(url.searchParams.get("includeResult"), false),
    includePrevious: flag(url.searchParams.get("includePreviousRevision"), false),
    includeMutations: flag(url.searchParams.get("includeMutations"), true),
    mendoza: url.searchParams.get("effectFormat") === "mendoza",
    includeVersions: flag(url.searchParams.get("includeAllVersions"), false),
  };
  const canSeePrivate = ctx.auth === "token";
  const context = {
    params,
    identity: identityOf(ctx),
    projectId: ctx.lake.projectId,
    dataset: datasetName,
  };
  // Each change is matched on the main thread, within its budget; a filter that cannot be
  // decided in time does not match.
  const matches = (doc: unknown) => {
    try {
      return runWithin(limits.mainThreadMs, shape.unbounded, () =>
        matchesQuery(tree, doc, context),
      );
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      console.warn(`[lake] listener ${listenerName}: matching ran past ${limits.mainThreadMs} ms`);
      return false;
    }
  };

  res.writeHead(200, {
    ...corsHeaders(req),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  const listenerName = `L${randomBytes(8).toString("hex")}`;
  res.write(`event: welcome\ndata: ${JSON.stringify({ listenerName })}\n\n`);

  // Transactions are delivered in commit order even though matching is asynchronous.
  let queue = Promise.resolve();
  const onTransaction = (_dataset: string, tx: Transaction) => {
    queue = queue
      .then(() => send(tx))
      .catch((error: unknown) => console.error("[lake] listener failed", error));
  };
  const send = async (tx: Transaction) => {
    const events: Array<Record<string, unknown>> = [];
    for (const change of tx.changes) {
      if (!isPublicId(change.id) && !canSeePrivate) continue;
      // Like the Content Lake, release versions reach only listeners that ask for them.
      if (isVersionId(change.id) && !options.includeVersions) continue;
      const was = matches(change.before);
      const is = matches(change.after);
      if (!was && !is) continue;
      const event: Record<string, unknown> = {
        type: "mutation",
        eventId: `${tx.id}#${change.id}`,
        documentId: change.id,
        transactionId: tx.id,
        transition: was && is ? "update" : is ? "appear" : "disappear",
        identity: tx.identity,
        previousRev: change.before?._rev,
        resultRev: change.after?._rev,
        timestamp: tx.timestamp,
        visibility: "query",
      };
      if (options.includeMutations) event.mutations = change.mutations;
      if (options.includeResult) event.result = change.after ?? undefined;
      if (options.includePrevious) event.previous = change.before;
      // A single mendoza literal replaces the whole document in either direction.
      if (options.mendoza) event.effects = { apply: [0, change.after], revert: [0, change.before] };
      events.push(event);
    }
    for (const [index, event] of events.entries()) {
      const data = {
        ...event,
        transactionTotalEvents: events.length,
        transactionCurrentEvent: index,
      };
      res.write(`event: mutation\nid: ${String(event.eventId)}\ndata: ${JSON.stringify(data)}\n\n`);
    }
  };
  const unsubscribe = dataset.onCommit(onTransaction);
  await holdEventStream(ctx, unsubscribe);
}
