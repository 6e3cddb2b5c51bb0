import type { Node } from "./groq-ast.ts";
import { compileGetter, totalCompare, type Predicate } from "./groq-compile.ts";
import { guardArray, tickBudget } from "./query-budget.ts";
import type { Scorer } from "./groq-score.ts";

// `order()` over an array the narrowing already computed, done here with groq-js's ordering
// (stable, `totalCompare` per key); under a slice only the leading rows are kept (top-k).

/**
 * A `*[filter]` whose candidates are known and whose filter compiled, not yet run: under
 * `order(…)[0...k]` the filter then runs only on documents whose sort keys could still make
 * the top k. Its fields are functions so that tree walks (mapNodes) never descend into documents.
 */
export const PENDING_FILTER = "LakePendingFilter";

export function pendingFilter(docs: unknown[], predicate: Predicate): Node {
  return { type: PENDING_FILTER, docs: () => docs, predicate: () => predicate };
}

/**
 * `| score(…)` over a pending filter or a computed array, its scorer compiled (groq-score.ts),
 * not yet run: under `order(…)[0...k]` only the top k scored objects are ever built.
 */
export const PENDING_SCORE = "LakePendingScore";

export function pendingScore(base: Node, scorer: Scorer): Node {
  return { type: PENDING_SCORE, base: () => base, scorer: () => scorer };
}

interface Parts {
  docs: unknown[];
  keep: (doc: unknown) => boolean;
  /** Set under score(): each kept object's `_score`. */
  score?: Scorer;
}

function pendingParts(node: Node): Parts {
  if (node.type === PENDING_SCORE) {
    const base = pendingParts((node.base as () => Node)());
    // groq-js's score() drops what is not an object.
    const isObject = (doc: unknown) =>
      doc !== null && typeof doc === "object" && !Array.isArray(doc);
    return {
      docs: base.docs,
      keep: (doc) => isObject(doc) && base.keep(doc),
      score: (node.scorer as () => Scorer)(),
    };
  }
  if (node.type !== PENDING_FILTER) return { docs: node.value as unknown[], keep: () => true };
  const predicate = (node.predicate as () => Predicate)();
  return {
    docs: (node.docs as () => unknown[])(),
    keep: (doc) => {
      tickBudget();
      return predicate(doc) === true;
    },
  };
}

/** The pending filter run over all its candidates. */
export function runPendingFilter(node: Node): Node {
  const { docs, keep } = pendingParts(node);
  return { type: "Value", value: guardArray(docs.filter(keep)) };
}

/** The pending score() run in full: every object scored, highest first (stable, as groq-js sorts). */
export function runPendingScore(node: Node): Node {
  const { docs, keep, score } = pendingParts(node);
  const rows = docs.filter(keep).map((doc) => {
    tickBudget();
    return { doc, score: (score as Scorer)(doc) };
  });
  rows.sort((a, b) => b.score - a.score);
  return { type: "Value", value: guardArray(rows.map(scored)) };
}

/** The object score() hands on: the document with its `_score`. */
const scored = ({ doc, score }: { doc: unknown; score: number }) =>
  Object.assign({}, doc, { _score: score });

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
  /** The key `_score` over score()'s output: the row's score. */
  isScore: boolean;
}

/**
 * `order(a desc, b)` with plain attribute keys over an already computed array; over score()'s
 * output also `_score` (other keys read the document, so none may start with `_score.`).
 */
function sortKeys(node: Node, scored: boolean): SortKey[] | undefined {
  const keys: SortKey[] = [];
  for (const arg of node.args as Node[]) {
    const sign = arg.type === "Desc" ? -1 : 1;
    const expr = arg.type === "Desc" || arg.type === "Asc" ? (arg.base as Node) : arg;
    const get = expr.type === "AccessAttribute" ? compileGetter(expr) : undefined;
    if (!get) return undefined;
    const isScore = scored && expr.name === "_score" && expr.base === undefined;
    if (scored && !isScore && rootName(expr) === "_score") return undefined;
    keys.push({ get, sign, isScore });
  }
  return keys;
}

function rootName(node: Node): unknown {
  return node.base === undefined ? node.name : rootName(node.base as Node);
}

export function isSortable(node: Node): boolean {
  const base = node.base as Node | undefined;
  return (
    node.type === "PipeFuncCall" &&
    node.name === "order" &&
    ((base?.type === "Value" && Array.isArray(base.value)) ||
      base?.type === PENDING_FILTER ||
      base?.type === PENDING_SCORE) &&
    sortKeys(node, base.type === PENDING_SCORE) !== undefined
  );
}

/** Sorts like groq-js (stable, `totalCompare` per key), keeping only the first `limit` rows. */
export function sortValues(node: Node, limit: number): Node {
  const { docs, keep, score } = pendingParts(node.base as Node);
  const keys = sortKeys(node, score !== undefined) ?? [];
  type Row = { doc: unknown; index: number; score: number; values: unknown[] };
  const toRow = (doc: unknown, index: number): Row => {
    const rowScore = score ? score(doc) : 0;
    return {
      doc,
      index,
      score: rowScore,
      values: keys.map((key) => (key.isScore ? rowScore : key.get(doc))),
    };
  };
  // Ties keep the order they arrive in: score()'s (highest score first, stable), else the filter's.
  const compare = (a: Row, b: Row): number => {
    for (let k = 0; k < keys.length; k++) {
      const result = totalCompare(a.values[k], b.values[k]) * (keys[k]?.sign ?? 1);
      if (result !== 0) return result;
    }
    return b.score - a.score || a.index - b.index;
  };
  let sorted: Row[];
  if (limit <= 0) {
    // `[0...0]`, `[0...$limit]` with `$limit = 0`: no row is needed, and none is compared.
    sorted = [];
  } else if (limit * 8 >= docs.length) {
    sorted = docs.filter(keep).map(toRow).sort(compare).slice(0, limit);
  } else {
    sorted = [];
    // Indexes are positions among the candidates: their order is the filtered order, so ties
    // still break as in groq-js.
    for (let index = 0; index < docs.length; index++) {
      tickBudget();
      const row = toRow(docs[index], index);
      if (sorted.length === limit && compare(row, sorted[limit - 1] as Row) >= 0) continue;
      if (!keep(row.doc)) continue;
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
  return {
    type: "Value",
    value: guardArray(sorted.map((row) => (score ? scored(row) : row.doc))),
  };
}
