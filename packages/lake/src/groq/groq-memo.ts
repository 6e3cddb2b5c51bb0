import { evaluateSync } from "groq-js";
import type { ExprNode } from "groq-js";
import { isNode } from "./groq-ast.ts";
import type { Node } from "./groq-ast.ts";
import { guardArray, tickBudget, unbudgeted } from "./query-budget.ts";

// Projections such as `*[…]{ "ids": array::unique(tickers[].ticker._ref) }.ids` evaluated by
// groq-js once per document version rather than once per query: an expression that reads only
// its element (no `*`, `^`, `->`, parameters or clock) is a function of that element, and
// documents are never changed in place, so its answer for an unchanged document stays current
// across commits and only changed documents are evaluated again.

const PURE_NODES = new Set([
  "This",
  "Value",
  "AccessAttribute",
  "AccessElement",
  "Slice",
  "ArrayCoerce",
  "Map",
  "FlatMap",
  "Filter",
  "Projection",
  "Object",
  "ObjectAttributeValue",
  "ObjectSplat",
  "ObjectConditionalSplat",
  "Select",
  "SelectAlternative",
  "Array",
  "ArrayElement",
  "Group",
  "And",
  "Or",
  "Not",
  "Neg",
  "Pos",
  "OpCall",
  "InRange",
  "FuncCall",
]);

/** Functions whose answer depends on their arguments alone. */
const PURE_FUNCTIONS = new Set([
  "global::count",
  "global::defined",
  "global::length",
  "global::lower",
  "global::upper",
  "global::string",
  "global::coalesce",
  "global::round",
  "global::boost",
  "array::unique",
  "array::compact",
  "array::join",
  "pt::text",
  "math::sum",
  "math::min",
  "math::max",
  "math::avg",
  "string::startsWith",
  "string::split",
]);

/** True when `node`'s answer is a function of the element it is evaluated on alone. */
export function readsOnlyItsElement(node: Node): boolean {
  if (!PURE_NODES.has(node.type)) return false;
  if (
    node.type === "FuncCall" &&
    !PURE_FUNCTIONS.has(`${String(node.namespace)}::${String(node.name)}`)
  )
    return false;
  for (const [key, child] of Object.entries(node)) {
    if (key === "value" && node.type === "Value") continue;
    const children = Array.isArray(child) ? child : [child];
    for (const item of children) if (isNode(item) && !readsOnlyItsElement(item)) return false;
  }
  return true;
}

/** Answers by expression (its syntax tree as text), then by element; the most recent 256 expressions. */
const memo = new Map<string, WeakMap<object, unknown>>();
const REMEMBERED_EXPRESSIONS = 256;

/** The answers remembered for `expr` (or for `kind` of it, e.g. its score), by element. */
export function answersFor(expr: Node | Node[], kind = "value"): WeakMap<object, unknown> {
  const key = `${kind}:${JSON.stringify(expr)}`;
  let answers = memo.get(key);
  if (answers) memo.delete(key);
  else answers = new WeakMap();
  memo.set(key, answers);
  if (memo.size > REMEMBERED_EXPRESSIONS) memo.delete(memo.keys().next().value as string);
  return answers;
}

/**
 * `items[]{…}` / `items[].x` (a Map) and `items[].list[].x` (a FlatMap: an element's array answer
 * is spread, as groq-js spreads it) over an array the narrowing computed, as a computed array
 * when its expression reads only its element; else the node as it was (groq-js evaluates it, and
 * reports any error it raises).
 */
export function mapComputed(node: Node): Node {
  const items = (node.base as Node).value;
  const expr = node.expr as Node;
  if (!Array.isArray(items) || !readsOnlyItsElement(expr)) return node;
  const flat = node.type === "FlatMap";
  const answers = answersFor(expr);
  const evaluate = (item: unknown) =>
    evaluateSync(expr as unknown as ExprNode, { root: item }).data as unknown;
  const results: unknown[] = [];
  try {
    for (const item of items) {
      tickBudget();
      let answer: unknown;
      if (item === null || typeof item !== "object") answer = evaluate(item);
      else {
        answer = answers.get(item);
        if (answer === undefined && !answers.has(item)) {
          // Kept for every later query, as a view's indexes are: no query's time budget pays for it.
          answer = unbudgeted(() => evaluate(item));
          answers.set(item, answer);
        }
      }
      if (flat && Array.isArray(answer)) for (const inner of answer) results.push(inner);
      else results.push(answer);
    }
  } catch {
    return node;
  }
  return { type: "Value", value: guardArray(results) };
}
