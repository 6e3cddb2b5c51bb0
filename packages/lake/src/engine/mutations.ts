import { randomUUID, randomBytes } from "node:crypto";
import { Mutation } from "@sanity/mutator";
import { conflict, invalid } from "../model/errors.ts";
import { isRecord } from "../model/records.ts";
import { evaluateQuery, prepareQuery } from "../groq/groq.ts";
import { BudgetExceeded, runWithin } from "../groq/query-budget.ts";
import { timeLimitError } from "../model/query-limits.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import type { WorkingSet } from "./working-set.ts";
import { buildView } from "../groq/views.ts";
import type { Doc } from "../model/types.ts";

export type Operation = "create" | "update" | "delete" | "none";

export interface MutationResult {
  id: string;
  operation: Operation;
}

export interface MutateOptions {
  autoGenerateArrayKeys: boolean;
  projectId: string;
  dataset: string;
  /** For the queries that select what a delete or patch changes. */
  limits: QueryLimits;
}

type Patch = Record<string, unknown> & {
  id?: string;
  query?: string;
  params?: Record<string, unknown>;
  ifRevisionID?: string;
};
type Selection = { id?: string | string[]; query?: string; params?: Record<string, unknown> };

/** Applies one mutation of the Mutations API to the working set. */
export async function applyMutation(
  ws: WorkingSet,
  mutation: unknown,
  options: MutateOptions,
): Promise<MutationResult[]> {
  if (!isRecord(mutation)) throw invalid("Mutation must be an object");
  const kinds = Object.keys(mutation);
  const kind = kinds[0];
  if (kinds.length !== 1 || kind === undefined)
    throw invalid(`Mutation must have exactly one operation, got ${kinds.join(", ") || "none"}`);
  const body = mutation[kind];
  if (!isRecord(body)) throw invalid(`"${kind}" must be an object`);
  switch (kind) {
    case "create":
    case "createOrReplace":
    case "createIfNotExists":
      return [createDocument(ws, kind, body, options)];
    case "delete":
      return (await select(ws, body as Selection, options)).map((id) => deleteDocument(ws, id));
    case "patch": {
      const ids = await select(ws, body as Selection, options);
      return ids.map((id) => patchDocument(ws, id, body as Patch, options));
    }
    default:
      throw invalid(`Unknown mutation type "${kind}"`);
  }
}

export function createDocument(
  ws: WorkingSet,
  kind: string,
  input: Record<string, unknown>,
  options: MutateOptions,
): MutationResult {
  let id = input._id;
  if (kind !== "create" && (typeof id !== "string" || id === ""))
    throw invalid(`${kind}() requires an _id`);
  if (id !== undefined && typeof id !== "string") throw invalid("_id must be a string");
  if (id === undefined || id === "" || (id as string).endsWith("."))
    id = `${(id as string | undefined) ?? ""}${randomUUID()}`;
  const docId = id as string;
  if (typeof input._type !== "string" || input._type === "")
    throw invalid(`Document "${docId}" is missing _type`, docId);
  if (docId.startsWith("_.")) throw invalid(`Document id "${docId}" is reserved`, docId);
  const existing = ws.get(docId);
  if (kind === "createIfNotExists" && existing) return { id: docId, operation: "none" };
  if (kind === "create" && existing) {
    throw conflict("documentAlreadyExistsError", `Document by ID "${docId}" already exists`, docId);
  }
  let doc: Doc = { ...input, _id: docId };
  if (options.autoGenerateArrayKeys) doc = withArrayKeys(doc);
  ws.put(docId, doc, { [kind]: doc });
  return { id: docId, operation: existing ? "update" : "create" };
}

function deleteDocument(ws: WorkingSet, id: string): MutationResult {
  ws.put(id, null, { delete: { id } });
  return { id, operation: "delete" };
}

export function patchDocument(
  ws: WorkingSet,
  id: string,
  patch: Patch,
  options: MutateOptions,
): MutationResult {
  const current = ws.get(id);
  if (!current) throw conflict("documentNotFoundError", `Document "${id}" not found`, id);
  if (patch.ifRevisionID !== undefined && patch.ifRevisionID !== current._rev) {
    throw conflict(
      "conflict",
      `Document "${id}" has unexpected revision ID ("${String(current._rev)}"), expected "${String(patch.ifRevisionID)}"`,
      id,
    );
  }
  const { query: _query, params: _params, ifRevisionID: _ifRevisionID, ...operations } = patch;
  const normalized = { ...operations, id };
  let next: Doc;
  try {
    next = new Mutation({ mutations: [{ patch: normalized }] }).apply(current as never) as Doc;
  } catch (error) {
    throw invalid(
      `Invalid patch for "${id}": ${error instanceof Error ? error.message : String(error)}`,
      id,
    );
  }
  // A patch may not move or retype a document, as in the Content Lake.
  next = { ...next, _id: id, _type: current._type };
  if (options.autoGenerateArrayKeys) next = withArrayKeys(next);
  ws.put(id, next, { patch: normalized });
  return { id, operation: "update" };
}

async function select(
  ws: WorkingSet,
  selection: Selection,
  options: MutateOptions,
): Promise<string[]> {
  if (typeof selection.id === "string") return [selection.id];
  if (Array.isArray(selection.id))
    return selection.id.filter((id): id is string => typeof id === "string");
  if (typeof selection.query !== "string") throw invalid("A selection needs an id or a query");
  const params = isRecord(selection.params) ? selection.params : {};
  const { tree, shape } = prepareQuery(selection.query, params, options.limits);
  if (shape.needsAsync)
    throw invalid("The query of a mutation cannot use diff:: or delta:: changedAny/changedOnly");
  const view = buildView(ws.all());
  const context = {
    params,
    identity: ws.identity,
    projectId: options.projectId,
    dataset: options.dataset,
  };
  // It runs under the dataset's write lock, on the main thread, within the overall time limit.
  let result: unknown;
  try {
    result = runWithin(options.limits.timeoutMs, shape.unbounded, () =>
      evaluateQuery(tree, view, context),
    );
  } catch (error) {
    if (error instanceof BudgetExceeded) throw timeLimitError(options.limits);
    throw error;
  }
  const items = Array.isArray(result) ? result : result == null ? [] : [result];
  return items.flatMap((item) =>
    typeof item === "string"
      ? [item]
      : isRecord(item) && typeof item._id === "string"
        ? [item._id]
        : [],
  );
}

/** `autoGenerateArrayKeys`: every object in an array gets a random `_key` if it has none. */
function withArrayKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const keyed = withArrayKeys(item);
      return isRecord(keyed) && typeof keyed._key !== "string"
        ? { _key: randomBytes(6).toString("hex"), ...keyed }
        : keyed;
    }) as T;
  }
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withArrayKeys(item)]),
  ) as T;
}
