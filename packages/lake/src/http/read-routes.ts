import { identityOf, requireToken } from "./context.ts";
import type { RequestContext } from "./context.ts";
import { badRequest } from "../model/errors.ts";
import { readJson, sendBytes, sendJson, sendJsonText } from "./http.ts";
import { isPublicId } from "../model/ids.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../model/json.ts";
import { syncTag } from "./live.ts";
import { isRecord } from "../model/records.ts";
import { sourceMapMode } from "../groq/source-map.ts";
import type { Doc } from "../model/types.ts";

// Reads: GROQ queries, documents by id and the NDJSON export.

export async function handleQuery(ctx: RequestContext, datasetName: string): Promise<void> {
  const started = performance.now();
  const { query, params } =
    ctx.req.method === "POST" ? await queryFromBody(ctx) : queryFromUrl(ctx.url);
  const perspective = normalizePerspective(ctx.url.searchParams.get("perspective"));
  if (perspective !== "published") requireToken(ctx);
  const dataset = await ctx.lake.datasets.get(datasetName);
  const viewName = ctx.auth === "token" ? perspective : "public";
  const { resultJson, sourceMapJson } = await ctx.lake.queries.read(
    dataset,
    {
      datasetName,
      viewName,
      query,
      params,
      context: {
        params,
        identity: identityOf(ctx),
        projectId: ctx.lake.projectId,
        dataset: datasetName,
      },
      sourceMap: sourceMapMode(ctx.url.searchParams.get("resultSourceMap")),
    },
    started,
  );
  // The result is already JSON (it may have been written by the query worker): the envelope is
  // put together around it rather than parsed and written again.
  const parts = [
    `"ms":${Math.round(performance.now() - started)}`,
    `"result":${resultJson}`,
    `"syncTags":${JSON.stringify([syncTag(datasetName, viewName)])}`,
  ];
  if (sourceMapJson !== undefined) parts.push(`"resultSourceMap":${sourceMapJson}`);
  if (ctx.url.searchParams.get("returnQuery") !== "false")
    parts.push(`"query":${JSON.stringify(query)}`);
  sendJsonText(ctx.req, ctx.res, 200, `{${parts.join(",")}}`);
}

/** `?query=…&$name=<JSON>`, as @sanity/client sends GET queries and listeners. */
export function queryFromUrl(url: URL): { query: string; params: Record<string, unknown> } {
  const query = url.searchParams.get("query");
  if (query === null) throw badRequest('Missing "query" parameter');
  const params: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) {
    if (!key.startsWith("$")) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw badRequest(`Unable to parse value of "${key}=${value}". Please quote string values.`);
    }
    if (nestsDeeperThan(parsed, MAX_JSON_DEPTH))
      throw badRequest(`The value of "${key}" nests more than ${MAX_JSON_DEPTH} levels deep`);
    params[key.slice(1)] = parsed;
  }
  return { query, params };
}

async function queryFromBody(
  ctx: RequestContext,
): Promise<{ query: string; params: Record<string, unknown> }> {
  const body = await readJson(ctx.req);
  if (typeof body.query !== "string") throw badRequest('Missing "query" in body');
  return { query: body.query, params: isRecord(body.params) ? body.params : {} };
}

/** `published` (default), `raw`, `drafts` (`previewDrafts` is its old name) or a release stack. */
function normalizePerspective(value: string | null): string {
  if (!value || value === "published") return "published";
  if (value === "previewDrafts") return "drafts";
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => !/^[a-zA-Z0-9_-]+$/.test(name)))
    throw badRequest(`Invalid perspective "${value}"`);
  if (names.includes("raw")) {
    if (names.length > 1) throw badRequest('The "raw" perspective cannot be combined with others');
    return "raw";
  }
  return names.join(",");
}

export async function handleDoc(
  ctx: RequestContext,
  datasetName: string,
  idList: string,
): Promise<void> {
  const dataset = await ctx.lake.datasets.get(datasetName);
  const documents: Doc[] = [];
  const omitted: Array<{ id: string; reason: string }> = [];
  for (const id of idList
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const doc = dataset.get(id);
    if (!isPublicId(id) && ctx.auth !== "token") omitted.push({ id, reason: "permission" });
    else if (doc) documents.push(doc);
    else omitted.push({ id, reason: "existence" });
  }
  sendJson(ctx.req, ctx.res, 200, { documents, omitted });
}

/** NDJSON of every document, as `sanity dataset export` reads it (`?types=a,b` filters). */
export async function handleExport(ctx: RequestContext, datasetName: string): Promise<void> {
  requireToken(ctx);
  const dataset = await ctx.lake.datasets.get(datasetName);
  const types = ctx.url.searchParams.get("types")?.split(",").filter(Boolean);
  const docs = dataset
    .view("raw")
    .docs.filter((doc) => !types || types.includes(String(doc._type)));
  sendBytes(
    ctx.req,
    ctx.res,
    200,
    docs.map((doc) => `${JSON.stringify(doc)}\n`).join(""),
    "application/x-ndjson",
  );
}
