import type { Node } from "./groq-ast.ts";
import { compileGetter, totalCompare } from "./groq-compile.ts";

// `order()` over an array the narrowing already computed, done here with groq-js's ordering
// (stable, `totalCompare` per key); under a slice only the leading rows are kept (top-k).

/** How many leading elements `[a...b]` / `[a..b]` / `[i]` needs, when known. */
export function sliceEnd(node: Node): number | undefined {
  if (node.type === "AccessElement")
    return typeof node.index === "number" && node.index >= 0 ? node.index + 1 : undefined;
  const { left, right, isInclusive } = node as {
    left?: number;
    right?: number;
    isInclusive?: boolean;
  };
  if (typeof left !== "number" || typeof right !== "number" || left < 0 || right < 0)
    return undefined;
  return isInclusive ? right + 1 : right;
}

interface SortKey {
  get: (doc: unknown) => unknown;
  sign: number;
}

/** `order(a desc, b)` with plain attribute keys over an already computed array. */
function sortKeys(node: Node): SortKey[] | undefined {
  const keys: SortKey[] = [];
  for (const arg of node.args as Node[]) {
    const sign = arg.type === "Desc" ? -1 : 1;
    const expr = arg.type === "Desc" || arg.type === "Asc" ? (arg.base as Node) : arg;
    const get = expr.type === "AccessAttribute" ? compileGetter(expr) : undefined;
    if (!get) return undefined;
    keys.push({ get, sign });
  }
  return keys;
}

export function isSortable(node: Node): boolean {
  const base = node.base as Node | undefined;
  return (
    node.type === "PipeFuncCall" &&
    node.name === "order" &&
    base?.type === "Value" &&
    Array.isArray(base.value) &&
    sortKeys(node) !== undefined
  );
}

/** Sorts like groq-js (stable, `totalCompare` per key), keeping only the first `limit` rows. */
export function sortValues(node: Node, limit: number): Node {
  const keys = sortKeys(node) ?? [];
  const docs = (node.base as Node).value as unknown[];
  const rows = docs.map((doc, index) => ({ doc, index, values: keys.map((key) => key.get(doc)) }));
  type Row = (typeof rows)[number];
  const compare = (a: Row, b: Row): number => {
    for (let k = 0; k < keys.length; k++) {
      const result = totalCompare(a.values[k], b.values[k]) * (keys[k]?.sign ?? 1);
      if (result !== 0) return result;
    }
    return a.index - b.index;
  };
  let sorted: Row[];
  if (limit * 8 >= rows.length) {
    sorted = rows.sort(compare).slice(0, limit);
  } else {
    sorted = [];
    for (const row of rows) {
      if (sorted.length === limit && compare(row, sorted[limit - 1] as Row) >= 0) continue;
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (compare(sorted[middle] as Row, row) <= 0) low = middle + 1;
        else high = middle;
      }
      sorted.splice(low, 0, row);
      if (sorted.length > limit) sorted.pop();
    }
  }
  return { type: "Value", value: sorted.map((row) => row.doc) };
}
