import { Path } from "groq-js";
import { constantArray } from "./groq-ast.ts";
import type { Node } from "./groq-ast.ts";
import { compileMatch } from "./groq-text.ts";
import { tickBudget } from "./query-budget.ts";
import { portableText } from "./text-index.ts";
import { hasReference } from "../model/references.ts";
import type { View } from "./views.ts";

// A fast path for the filters the site and the Studio run over thousands of documents:
// compiles a filter expression into a plain function with groq-js's exact semantics
// (three-valued logic, typed equality), or returns undefined so groq-js evaluates it.

type Tri = boolean | null;
type Getter = (doc: unknown) => unknown;
export type Predicate = (doc: unknown) => Tri;

const TYPE_ORDER: Record<string, number> = { number: 2, string: 3, boolean: 4 };

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function isEqual(a: unknown, b: unknown): boolean {
  const type = typeOf(a);
  if (type !== typeOf(b)) return false;
  return (
    type === "null" || ((type === "string" || type === "number" || type === "boolean") && a === b)
  );
}

function partialCompare(a: unknown, b: unknown): number | null {
  const type = typeOf(a);
  if (type !== typeOf(b)) return null;
  if (type === "number" || type === "boolean") return Number(a) - Number(b);
  if (type === "string")
    return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  return null;
}

/** groq-js's `order()` comparison for primitive keys; other types sort last, as there. */
export function totalCompare(a: unknown, b: unknown): number {
  const orderA = TYPE_ORDER[typeOf(a)] ?? 100;
  const orderB = TYPE_ORDER[typeOf(b)] ?? 100;
  if (orderA !== orderB) return orderA - orderB;
  return partialCompare(a, b) ?? 0;
}

/** A value's getter; with the view, also counts and dereferences (`ticker->symbol`). */
export function compileGetter(node: Node, view?: View): Getter | undefined {
  if (node.type === "FuncCall") {
    if (node.namespace === "pt" && node.name === "text") {
      const args = node.args as Node[];
      const blocks = args.length === 1 && args[0] ? compileGetter(args[0], view) : undefined;
      return blocks && ((doc) => portableText(blocks(doc)));
    }
    return view ? compileCount(node, view) : undefined;
  }
  if (node.type === "Value") {
    const value = node.value;
    return () => value;
  }
  if (node.type === "This") return (doc) => doc;
  if (node.type === "Group") return compileGetter(node.base as Node, view);
  if (node.type === "ArrayCoerce") {
    const base = compileGetter(node.base as Node, view);
    return (
      base &&
      ((doc) => {
        const value = base(doc);
        return Array.isArray(value) ? value : null;
      })
    );
  }
  if (node.type === "Map") {
    // `items[].x`: x of each item (groq-js: null over a non-array).
    const base = compileGetter(node.base as Node, view);
    const each = compileGetter(node.expr as Node, view);
    if (!base || !each) return undefined;
    return (doc) => {
      const items = base(doc);
      return Array.isArray(items) ? items.map((item) => each(item)) : null;
    };
  }
  if (node.type === "Deref") {
    // As the lake's dereference (groq.ts): the view's document with that id, or null.
    const base = view && compileGetter(node.base as Node, view);
    return (
      base &&
      ((doc) => {
        const value = base(doc);
        if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
        const id = (value as { _ref?: unknown })._ref;
        if (typeof id !== "string") return null;
        tickBudget();
        return view.byId.get(id) ?? null;
      })
    );
  }
  if (node.type !== "AccessAttribute" || typeof node.name !== "string") return undefined;
  const name = node.name;
  const base =
    node.base === undefined ? (doc: unknown) => doc : compileGetter(node.base as Node, view);
  if (!base) return undefined;
  return (doc) => {
    const value = base(doc);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
    return Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : null;
  };
}

/** `count(items)` and `count(items[condition])`, e.g. `count(tickers[ticker._ref in $ids])`. */
function compileCount(node: Node, view: View): Getter | undefined {
  const args = node.args as Node[];
  const arg = args[0];
  if (node.namespace !== "global" || node.name !== "count" || args.length !== 1 || !arg)
    return undefined;
  if (arg.type !== "Filter") {
    const items = compileGetter(arg, view);
    return items && ((doc) => countOf(items(doc), () => true));
  }
  const items = compileGetter(arg.base as Node, view);
  const condition = compilePredicate(arg.expr as Node, view);
  if (!items || !condition) return undefined;
  return (doc) => countOf(items(doc), (item) => condition(item) === true);
}

/** groq-js: a filter over a non-array is null, and so is its count. */
function countOf(items: unknown, keep: (item: unknown) => boolean): number | null {
  if (!Array.isArray(items)) return null;
  let count = 0;
  for (const item of items) if (keep(item)) count++;
  return count;
}

export function compilePredicate(node: Node, view: View): Predicate | undefined {
  switch (node.type) {
    case "Group":
      return compilePredicate(node.base as Node, view);
    case "And":
    case "Or": {
      const left = compilePredicate(node.left as Node, view);
      const right = compilePredicate(node.right as Node, view);
      if (!left || !right) return undefined;
      if (node.type === "And") {
        return (doc) => {
          const a = left(doc);
          if (a === false) return false;
          const b = right(doc);
          return b === false ? false : a === null || b === null ? null : true;
        };
      }
      return (doc) => {
        const a = left(doc);
        if (a === true) return true;
        const b = right(doc);
        return b === true ? true : a === null || b === null ? null : false;
      };
    }
    case "Not": {
      const base = compilePredicate(node.base as Node, view);
      return (
        base &&
        ((doc) => {
          const value = base(doc);
          return value === null ? null : !value;
        })
      );
    }
    case "OpCall":
      return compileOperator(node, view);
    case "FuncCall":
      return compileFunction(node, view);
    default: {
      const getter = compileGetter(node, view);
      return (
        getter &&
        ((doc) => {
          const value = getter(doc);
          return typeof value === "boolean" ? value : null;
        })
      );
    }
  }
}

function compileOperator(node: Node, view: View): Predicate | undefined {
  const op = node.op as string;
  if (op === "in") return compileIn(node, view);
  if (op === "match") return compileMatch(node, (part) => compileGetter(part, view));
  const left = compileGetter(node.left as Node, view) ?? compilePredicate(node.left as Node, view);
  const right =
    compileGetter(node.right as Node, view) ?? compilePredicate(node.right as Node, view);
  if (!left || !right) return undefined;
  switch (op) {
    case "==":
      return (doc) => isEqual(left(doc), right(doc));
    case "!=":
      return (doc) => !isEqual(left(doc), right(doc));
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const test =
        op === "<"
          ? (c: number) => c < 0
          : op === "<="
            ? (c: number) => c <= 0
            : op === ">"
              ? (c: number) => c > 0
              : (c: number) => c >= 0;
      return (doc) => {
        const result = partialCompare(left(doc), right(doc));
        return result === null ? null : test(result);
      };
    }
    default:
      return undefined;
  }
}

function compileIn(node: Node, view: View): Predicate | undefined {
  const left = compileGetter(node.left as Node, view);
  const right = node.right as Node;
  if (!left) return undefined;
  const items = constantArray(right);
  if (items) {
    // isEqual is `===` within one primitive type, so a set per type answers the same.
    const byType = new Map<string, Set<unknown>>();
    for (const item of items) {
      const type = typeOf(item);
      if (type === "array" || type === "object") continue;
      byType.set(type, (byType.get(type) ?? new Set()).add(item ?? null));
    }
    return (doc) => {
      const value = left(doc);
      return byType.get(typeOf(value))?.has(value ?? null) ?? false;
    };
  }
  if (right.type === "FuncCall" && right.name === "path" && right.namespace === "global") {
    const arg = (right.args as Node[])[0];
    if (arg?.type !== "Value" || typeof arg.value !== "string") return undefined;
    const path = new Path(arg.value);
    return (doc) => {
      const value = left(doc);
      return typeof value === "string" ? path.matches(value) : null;
    };
  }
  // `$symbol in tickers[].ticker->symbol`: groq-js's `in` over an array, null over anything else.
  const list = compileGetter(right, view);
  if (!list) return undefined;
  return (doc) => {
    const values = list(doc);
    if (!Array.isArray(values)) return null;
    const value = left(doc);
    return values.some((item) => isEqual(value, item));
  };
}

function compileFunction(node: Node, view: View): Predicate | undefined {
  const args = node.args as Node[];
  if (node.namespace !== "global" || args.length !== 1 || !args[0]) return undefined;
  if (node.name === "defined") {
    const getter = compileGetter(args[0], view);
    return (
      getter &&
      ((doc) => {
        const value = getter(doc);
        return value !== null && value !== undefined;
      })
    );
  }
  if (node.name === "references") {
    const arg = args[0];
    const ids =
      arg.type === "Value" && typeof arg.value === "string" ? [arg.value] : constantArray(arg);
    if (!ids?.every((id): id is string => typeof id === "string")) return undefined;
    // The scope may be a document or any value below one (`tickers[references($id)]`), so the
    // answer is groq-js's own test of that value; the index only narrows scans (groq-narrow.ts).
    const wanted = new Set(ids);
    return (value) => wanted.size > 0 && hasReference(value, wanted);
  }
  return undefined;
}
