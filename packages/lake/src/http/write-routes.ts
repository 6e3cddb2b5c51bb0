import { applyAction } from "../engine/actions.ts";
import type { RequestContext } from "./context.ts";
import { identityOf, requireToken } from "./context.ts";
import { badRequest } from "../model/errors.ts";
import { flag, readBody, readJson, sendJson } from "./http.ts";
import { parseClientJson } from "../model/json.ts";
import { applyMutation } from "../engine/mutations.ts";
import type { MutateOptions, MutationResult } from "../engine/mutations.ts";
import { transact, withIndex, writableDataset } from "../engine/transact.ts";

// Writes: the Mutations API, the Actions API and NDJSON import; each request is one transaction.

function writeOptions(ctx: RequestContext, datasetName: string): MutateOptions {
  return {
    autoGenerateArrayKeys: flag(ctx.url.searchParams.get("autoGenerateArrayKeys"), false),
    projectId: ctx.lake.projectId,
    dataset: datasetName,
    limits: ctx.lake.queryLimits,
  };
}

export async function handleMutate(ctx: RequestContext, datasetName: string): Promise<void> {
  requireToken(ctx);
  const body = await readJson(ctx.req);
  const mutations = Array.isArray(body.mutations)
    ? body.mutations
    : body.mutations === undefined
      ? undefined
      : [body.mutations];
  if (!mutations) throw badRequest('Missing "mutations" in body');
  const dataset = await writableDataset(ctx.lake.datasets, datasetName);
  const options = writeOptions(ctx, datasetName);
  const dryRun = flag(ctx.url.searchParams.get("dryRun"), false);
  const { tx, results } = await transact(
    dataset,
    identityOf(ctx),
    body.transactionId,
    dryRun,
    "mutationError",
    async (ws) => {
      const results: MutationResult[] = [];
      for (const [index, mutation] of mutations.entries())
        results.push(...(await withIndex(index, () => applyMutation(ws, mutation, options))));
      return results;
    },
  );
  const returnDocuments = flag(ctx.url.searchParams.get("returnDocuments"), false);
  const finals = new Map(tx.changes.map((change) => [change.id, change.after ?? change.before]));
  sendJson(ctx.req, ctx.res, 200, {
    transactionId: tx.id,
    results: results.map((result) =>
      returnDocuments ? { ...result, document: finals.get(result.id) ?? undefined } : result,
    ),
    documentIds: results.map((result) => result.id),
  });
}

export async function handleActions(ctx: RequestContext, datasetName: string): Promise<void> {
  requireToken(ctx);
  const body = await readJson(ctx.req);
  const actions = Array.isArray(body.actions) ? body.actions : undefined;
  if (!actions) throw badRequest('Missing "actions" in body');
  const dataset = await writableDataset(ctx.lake.datasets, datasetName);
  const options = writeOptions(ctx, datasetName);
  const { tx } = await transact(
    dataset,
    identityOf(ctx),
    body.transactionId,
    body.dryRun === true,
    "actionError",
    async (ws) => {
      for (const [index, action] of actions.entries())
        await withIndex(index, async () => applyAction(ws, action, options));
    },
  );
  sendJson(ctx.req, ctx.res, 200, { transactionId: tx.id });
}

/** NDJSON in, one `createOrReplace` per line, all in one transaction. */
export async function handleImport(ctx: RequestContext, datasetName: string): Promise<void> {
  requireToken(ctx);
  const text = (await readBody(ctx.req, 256 * 1024 * 1024)).toString("utf8");
  const docs: unknown[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    docs.push(parseClientJson(line, `on line ${index + 1}`));
  }
  const dataset = await writableDataset(ctx.lake.datasets, datasetName);
  const options = writeOptions(ctx, datasetName);
  const { tx, results } = await transact(
    dataset,
    identityOf(ctx),
    undefined,
    false,
    "mutationError",
    async (ws) => {
      const results: MutationResult[] = [];
      for (const [index, doc] of docs.entries())
        results.push(
          ...(await withIndex(index, () => applyMutation(ws, { createOrReplace: doc }, options))),
        );
      return results;
    },
  );
  sendJson(ctx.req, ctx.res, 200, { transactionId: tx.id, results: results.length });
}
