import { constantArray, mapNodes } from "./groq-ast.ts";
import type { Node } from "./groq-ast.ts";
import { compilePredicate } from "./groq-compile.ts";
import { mapComputed } from "./groq-memo.ts";
import { compileScorer } from "./groq-score.ts";
import {
  isSortable,
  PENDING_FILTER,
  PENDING_SCORE,
  pendingFilter,
  pendingScore,
  runPendingFilter,
  runPendingScore,
  sliceEnd,
  sortValues,
} from "./groq-sort.ts";
import { guardArray } from "./query-budget.ts";
import { listCandidates, matchCandidates } from "./text-narrow.ts";
import type { View } from "./views.ts";
import type { Doc } from "../model/types.ts";

/**
 * Replaces the `*` of each `*[filter]` with the smallest candidate set the view's indexes give
 * for the filter's top-level conditions (`_type == "post"`, `slug.current == $slug`, `_id == $id`,
 * `_id in $ids`, `references($id)`, `references($ids)`). Candidates are a subset of the view's
 * documents in the view's order, each once, holding every document the filter keeps; the filter
 * still runs on them, so results are unchanged and only the scan gets shorter.
 */
export function narrowFilters(tree: Node, view: View): Node {
  const narrowed = mapNodes(tree, (node) => {
    if ((node.type === "Slice" || node.type === "AccessElement") && isSortable(node.base as Node)) {
      const limit = sliceEnd(node);
      if (limit !== undefined) return { ...node, base: sortValues(node.base as Node, limit) };
    }
    if (node.type === "PipeFuncCall" && node.name === "score" && isComputed(node.base as Node)) {
      const scorer = compileScorer(node.args as Node[], view);
      if (scorer) return pendingScore(node.base as Node, scorer);
    }
    if (node.type !== "Filter" || (node.base as Node | undefined)?.type !== "Everything")
      return node;
    const candidates = candidatesFor(conjuncts(node.expr as Node), view) ?? view.docs;
    const predicate = compilePredicate(node.expr as Node, view);
    if (predicate) return pendingFilter(candidates, predicate);
    return candidates === view.docs
      ? node
      : { ...node, base: { type: "Value", value: guardArray(candidates) } };
  });
  // Every filter that no sliced order() consumed runs in full here, before groq-js sees the tree.
  return mapNodes(narrowed, (node) => {
    if (node.type === PENDING_FILTER) return runPendingFilter(node);
    if (node.type === PENDING_SCORE) return runPendingScore(node);
    if ((node.type === "Map" || node.type === "FlatMap") && (node.base as Node).type === "Value")
      return mapComputed(node);
    return isSortable(node) ? sortValues(node, Infinity) : node;
  });
}

/** An array the narrowing computed, or a filter it will compute. */
function isComputed(node: Node | undefined): boolean {
  return (node?.type === "Value" && Array.isArray(node.value)) || node?.type === PENDING_FILTER;
}

function conjuncts(node: Node): Node[] {
  if (node.type === "And")
    return [...conjuncts(node.left as Node), ...conjuncts(node.right as Node)];
  if (node.type === "Group") return conjuncts(node.base as Node);
  return [node];
}

/** The smallest candidate set the conditions' indexes give, or undefined (none under `atMost`). */
function candidatesFor(conditions: Node[], view: View, atMost = Infinity): Doc[] | undefined {
  let best: Doc[] | undefined;
  const consider = (docs: Doc[]) => {
    if (docs.length < (best?.length ?? atMost)) best = docs;
  };
  const types: string[] = [];
  for (const condition of conditions) {
    const equality = asEquality(condition);
    if (
      equality?.path.length === 1 &&
      equality.path[0] === "_type" &&
      typeof equality.value === "string"
    ) {
      types.push(equality.value);
      consider(view.ofType(equality.value));
    } else if (
      equality?.path.length === 1 &&
      equality.path[0] === "_id" &&
      typeof equality.value === "string"
    ) {
      const doc = view.byId.get(equality.value);
      consider(doc ? [doc] : []);
    }
    // A union of several lookups: each document once, in the view's order, as a scan finds it.
    const membership = asMembership(condition);
    if (membership?.path === "_id")
      consider(view.ordered(membership.values.flatMap((id) => view.byId.get(id) ?? [])));
    if (membership?.path === "_type")
      consider(view.ordered(membership.values.flatMap((type) => view.ofType(type))));
    const references = asReferences(condition);
    if (references !== undefined)
      consider(view.ordered(references.flatMap((id) => view.referencing(id))));
    const bound = best?.length ?? atMost;
    const found =
      condition.type === "Or"
        ? eitherCandidates(condition, view, bound)
        : (matchCandidates(condition, view, bound) ?? listCandidates(condition, view));
    if (found) consider(found);
  }
  for (const type of types) {
    for (const condition of conditions) {
      const equality = asEquality(condition);
      if (!equality || equality.path[0] === "_type" || equality.path[0] === "_id") continue;
      if (!["string", "number", "boolean"].includes(typeof equality.value)) continue;
      consider(view.byValue(type, equality.path).get(equality.value) ?? []);
    }
  }
  return best;
}

/** `a || b`: the candidates of either side, when both sides have some and fewer than `atMost` together. */
function eitherCandidates(node: Node, view: View, atMost: number): Doc[] | undefined {
  const left = candidatesFor(conjuncts(node.left as Node), view, atMost);
  const right = left && candidatesFor(conjuncts(node.right as Node), view, atMost - left.length);
  return right && view.ordered([...left, ...right]);
}

/** `a.b.c == <value>` or `<value> == a.b.c`, with the path read from the filtered document. */
function asEquality(node: Node): { path: string[]; value: unknown } | undefined {
  if (node.type !== "OpCall" || node.op !== "==") return undefined;
  const left = node.left as Node;
  const right = node.right as Node;
  const leftPath = attributePath(left);
  if (leftPath && right.type === "Value") return { path: leftPath, value: right.value };
  const rightPath = attributePath(right);
  if (rightPath && left.type === "Value") return { path: rightPath, value: left.value };
  return undefined;
}

function asMembership(node: Node): { path: string; values: string[] } | undefined {
  if (node.type !== "OpCall" || node.op !== "in") return undefined;
  const path = attributePath(node.left as Node);
  const right = node.right as Node;
  const items = constantArray(right);
  if (path?.length !== 1 || !items) return undefined;
  const values = items.filter((value): value is string => typeof value === "string");
  return values.length === items.length ? { path: path[0] ?? "", values } : undefined;
}

/** `references("id")` or `references(["a", "b"])` (true when any is referenced). */
function asReferences(node: Node): string[] | undefined {
  if (node.type !== "FuncCall" || node.name !== "references" || node.namespace !== "global")
    return undefined;
  const args = node.args as Node[];
  const arg = args[0];
  if (args.length !== 1 || !arg) return undefined;
  if (arg.type === "Value" && typeof arg.value === "string") return [arg.value];
  const items = constantArray(arg);
  return items?.every((item): item is string => typeof item === "string") ? items : undefined;
}

function attributePath(node: Node): string[] | undefined {
  if (node.type !== "AccessAttribute" || typeof node.name !== "string") return undefined;
  if (node.base === undefined) return [node.name];
  const parent = attributePath(node.base as Node);
  return parent ? [...parent, node.name] : undefined;
}
