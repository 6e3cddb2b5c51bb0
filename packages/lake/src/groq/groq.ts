import { evaluate, evaluateSync, GroqSyntaxError, parse } from "groq-js";
import type { EvaluateOptions, ExprNode } from "groq-js";
import { LakeError } from "../model/errors.ts";
import { mapNodes } from "./groq-ast.ts";
import type { Node } from "./groq-ast.ts";
import { narrowFilters } from "./groq-narrow.ts";
import { BudgetExceeded, guardParams, isGuarded, tickBudget } from "./query-budget.ts";
import { checkQueryText, DEFAULT_QUERY_LIMITS, queryLimitError } from "../model/query-limits.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import { inspectQuery } from "./query-shape.ts";
import type { QueryShape } from "./query-shape.ts";
import type { View } from "./views.ts";

export interface QueryContext {
  params: Record<string, unknown>;
  identity: string;
  projectId: string;
  dataset: string;
  /** The instant `now()` answers; the time the query starts unless given (tests fix it). */
  now?: Date;
}

export interface PreparedQuery {
  tree: ExprNode;
  shape: QueryShape;
}

/**
 * Checks a query against the lake's limits, then parses it with its parameters bound (and
 * guarded: iterating them checks the time budget), answering errors as the Content Lake does.
 */
export function prepareQuery(
  query: string,
  params: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): PreparedQuery {
  checkQueryText(query, limits);
  const tree = parseQuery(query, guardParams(params));
  return { tree, shape: inspectQuery(tree, isGuarded) };
}

/** Parses a GROQ query with its parameters bound (call prepareQuery: it checks the limits first). */
function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode;
  try {
    tree = parse(query, { params });
  } catch (error) {
    if (error instanceof RangeError)
      throw queryLimitError("depth", "The query nests too deeply to be parsed", query);
    if (error instanceof GroqSyntaxError) {
      const description = error.message.replace(
        /^Syntax error in GROQ query at position \d+: /,
        "",
      );
      throw queryParseError(query, description, error.position, error.position + 1);
    }
    throw queryParseError(
      query,
      error instanceof Error ? error.message : String(error),
      0,
      query.length,
    );
  }
  const missing = findMissingParam(tree as unknown as Node);
  if (missing)
    throw queryParseError(query, `param $${missing} referenced, but not provided`, 0, query.length);
  return rewriteTextQuery(tree as unknown as Node) as unknown as ExprNode;
}

export function queryParseError(
  query: string,
  description: string,
  start: number,
  end: number,
): LakeError {
  return new LakeError(
    400,
    { error: { description, query, start, end, type: "queryParseError" } },
    description,
  );
}

/** groq-js evaluates these functions only asynchronously (see QueryShape.needsAsync). */
export class NeedsAsyncEvaluation extends Error {}

function evaluateOptions(view: View, context: QueryContext, timestamp: Date): EvaluateOptions {
  return {
    dataset: view.docs,
    params: context.params,
    identity: context.identity,
    timestamp,
    sanity: { projectId: context.projectId, dataset: context.dataset },
    dereference: ({ _ref }: { _ref: string }) => {
      tickBudget();
      return view.byId.get(_ref) ?? null;
    },
  };
}

const executionError = (error: unknown) => {
  const description = error instanceof Error ? error.message : String(error);
  return new LakeError(400, { error: { description, type: "queryExecutionError" } }, description);
};

/**
 * Evaluates a query over a view synchronously (groq-js's synchronous evaluator is several times
 * faster over in-memory data); run it within a budget (query-budget.ts), whose BudgetExceeded
 * passes through.
 */
export function evaluateQuery(tree: ExprNode, view: View, context: QueryContext): unknown {
  const timestamp = context.now ?? new Date();
  const narrowed = narrowFilters(bindClock(tree, timestamp), view) as unknown as ExprNode;
  try {
    return evaluateSync(narrowed, evaluateOptions(view, context, timestamp)).data;
  } catch (error) {
    if (error instanceof BudgetExceeded || error instanceof LakeError) throw error;
    if (
      error instanceof Error &&
      /executeSync|evaluteSync|synchronous mode|Stream/.test(error.message)
    )
      throw new NeedsAsyncEvaluation(error.message);
    if (error instanceof RangeError)
      throw queryLimitError("depth", "The query nests too deeply to be evaluated");
    throw executionError(error);
  }
}

/** The asynchronous evaluator, for the few functions only it has; only ever off the main thread. */
export async function evaluateQueryAsync(
  tree: ExprNode,
  view: View,
  context: QueryContext,
): Promise<unknown> {
  const timestamp = context.now ?? new Date();
  const narrowed = narrowFilters(bindClock(tree, timestamp), view) as unknown as ExprNode;
  try {
    return await (await evaluate(narrowed, evaluateOptions(view, context, timestamp))).get();
  } catch (error) {
    throw executionError(error);
  }
}

/** True when `doc` passes the filter of a listener query such as `*[_type == "post"]` (call within a budget). */
export function matchesQuery(tree: ExprNode, doc: unknown, context: QueryContext): boolean {
  if (doc === null) return false;
  try {
    const result = evaluateSync(tree, {
      dataset: [doc],
      params: context.params,
      identity: context.identity,
    }).data;
    return Array.isArray(result) ? result.length > 0 : Boolean(result);
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error;
    return false;
  }
}

/**
 * `now()` is the time the query started, the same everywhere in it (groq-js's `timestamp`): bound
 * here as a value, so the compiled filters (`publishedAt <= now()`, a scheduled post's test) use
 * the instant groq-js's evaluator uses for the rest of the query.
 */
export function bindClock(tree: ExprNode, timestamp: Date): Node {
  const now = timestamp.toISOString();
  return mapNodes(tree as unknown as Node, (node) =>
    node.type === "FuncCall" &&
    node.namespace === "global" &&
    node.name === "now" &&
    (node.args as Node[] | undefined)?.length === 0
      ? { type: "Value", value: now }
      : node,
  );
}

function findMissingParam(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findMissingParam(item);
      if (found) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== "object") return undefined;
  const record = node as Node;
  if (record.type === "Parameter" && typeof record.name === "string") return record.name;
  for (const [key, child] of Object.entries(record)) {
    if (key === "value" && record.type === "Value") continue;
    const found = findMissingParam(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * groq-js has no search engine: `text::query()` throws. Rewrite `x match text::query("a -b")`
 * into `x match ["a"] && !(x match "b")`, which is what the Studio's search needs.
 */
function rewriteTextQuery(tree: Node): Node {
  const rewritten = mapNodes(tree, (current) => {
    if (current.type === "OpCall" && current.op === "match" && isTextQuery(current.right)) {
      const { include, exclude } = parseTextQuery(textQueryArg(current.right as Node));
      const left = current.left as Node;
      let result: Node = {
        type: "OpCall",
        op: "match",
        left,
        right: { type: "Value", value: include },
      };
      for (const term of exclude) {
        const excluded: Node = {
          type: "OpCall",
          op: "match",
          left,
          right: { type: "Value", value: term },
        };
        result = { type: "And", left: result, right: { type: "Not", base: excluded } };
      }
      return include.length === 0 && exclude.length === 0 ? { type: "Value", value: true } : result;
    }
    return current;
  });
  // Anywhere else (e.g. inside boost()), text::query("x") stands for its terms.
  return mapNodes(rewritten, (current) =>
    isTextQuery(current) ? { type: "Value", value: textQueryArg(current) } : current,
  );
}

function isTextQuery(node: unknown): boolean {
  const record = node as Node | undefined;
  return record?.type === "FuncCall" && record.namespace === "text" && record.name === "query";
}

function textQueryArg(node: Node): string {
  const arg = (node.args as Node[] | undefined)?.[0];
  return arg?.type === "Value" && typeof arg.value === "string" ? arg.value : "";
}

export function parseTextQuery(text: string): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const match of text.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)) {
    const term = (match[2] ?? match[3] ?? "").trim();
    if (!term) continue;
    (match[1] ? exclude : include).push(term);
  }
  return { include, exclude };
}
