import { LakeError } from "./errors.ts";

// Limits that keep one query from stalling the lake (or overflowing its stack): how long a query
// may be, how deeply it may nest, how long it may run and how large its result may be. Each
// refusal is a 400 in the shape of the Content Lake's query errors, saying which limit and why.

export interface QueryLimits {
  /** Characters of GROQ (hosted Sanity refuses queries over 300 kB). */
  maxQueryLength: number;
  /** Nesting of brackets and operators, e.g. `a || b || …` with this many terms. */
  maxDepth: number;
  /** From the request's arrival to its result, wherever it runs. */
  timeoutMs: number;
  /** Of the result, as JSON. */
  maxResultBytes: number;
  /**
   * How long a read may hold the main thread; past it, it is finished in a worker thread so that
   * every other request is still answered.
   */
  mainThreadMs: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxQueryLength: 300 * 1024,
  maxDepth: 256,
  timeoutMs: 10_000,
  maxResultBytes: 32 * 1024 * 1024,
  mainThreadMs: 100,
};

export type QueryLimit = "length" | "depth" | "time" | "resultSize" | "memory";

export function queryLimitError(limit: QueryLimit, description: string, query?: string): LakeError {
  return new LakeError(
    400,
    {
      error: {
        description,
        type: "queryLimitError",
        limit,
        ...(query === undefined ? {} : { query }),
      },
    },
    description,
  );
}

export const timeLimitError = (limits: QueryLimits) =>
  queryLimitError(
    "time",
    `The query ran longer than the lake's limit of ${limits.timeoutMs} ms (LAKE_QUERY_TIMEOUT_MS); narrow its filters or slice its results`,
  );

const TWO_CHAR_OPERATORS = new Set(["->", "=>", "==", "!=", "<=", ">=", "&&", "||", "**", ".."]);
/** Characters that start an operator (`:`, `$` and `@` are scanned past without counting). */
const OPERATOR_CHARS = new Set("=!<>&|+-*/%.^@$:?");
const COUNTED = new Set("=!<>&|+-*/%.^?");

const isWordChar = (code: number) =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  code === 95;
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Refuses, before parsing, a query too long or nested too deeply for the parser and the lake's
 * tree walks (groq-js's parser takes quadratic time on a long operator chain, then overflows the
 * stack). Nesting is counted on the text: every bracket, plus every operator in each enclosing
 * comma-separated part (a chain `a + b + …` nests as deep as it is long), an upper bound of the
 * depth of the tree the parser would build.
 */
export function checkQueryText(query: string, limits: QueryLimits): void {
  if (query.length > limits.maxQueryLength)
    throw queryLimitError(
      "length",
      `The query is ${query.length} characters long; the lake accepts at most ${limits.maxQueryLength}`,
    );
  const depth = nestingOf(query, limits.maxDepth);
  if (depth > limits.maxDepth)
    throw queryLimitError(
      "depth",
      `The query nests more than ${limits.maxDepth} levels deep (brackets, and operators chained in one expression such as a || b || …); group long chains, or pass a list as a parameter and use "in"`,
      query,
    );
}

interface Frame {
  /** Operators in the current comma-separated part. */
  operators: number;
  /** The deepest part nested inside the current one. */
  inner: number;
  /** The deepest part of this bracket so far. */
  best: number;
}

/** An upper bound of the query's tree depth; stops counting once past `stopAbove`. */
function nestingOf(query: string, stopAbove: number): number {
  const stack: Frame[] = [{ operators: 0, inner: 0, best: 0 }];
  const top = () => stack[stack.length - 1] as Frame;
  const endPart = (frame: Frame) => {
    frame.best = Math.max(frame.best, frame.operators + frame.inner);
    frame.operators = 0;
    frame.inner = 0;
  };
  const close = () => {
    const frame = stack.pop() as Frame;
    endPart(frame);
    const parent = top();
    parent.inner = Math.max(parent.inner, frame.best + 1);
  };
  let i = 0;
  while (i < query.length) {
    const char = query[i] as string;
    const code = query.charCodeAt(i);
    if (char === '"' || char === "'") {
      i++;
      while (i < query.length && query[i] !== char) i += query[i] === "\\" ? 2 : 1;
      i++;
    } else if (char === "/" && query[i + 1] === "/") {
      while (i < query.length && query[i] !== "\n") i++;
    } else if (char === "(" || char === "[" || char === "{") {
      stack.push({ operators: 0, inner: 0, best: 0 });
      if (stack.length > stopAbove) return stack.length;
      i++;
    } else if (char === ")" || char === "]" || char === "}") {
      if (stack.length > 1) close();
      i++;
    } else if (char === ",") {
      endPart(top());
      i++;
    } else if (isDigit(code)) {
      i++;
      // A number ends before a range's `..` (`1..5`).
      while (i < query.length && (isWordChar(query.charCodeAt(i)) || query[i] === ".")) {
        if (query[i] === "." && query[i + 1] === ".") break;
        i++;
      }
    } else if (isWordChar(code)) {
      const start = i;
      while (i < query.length && isWordChar(query.charCodeAt(i))) i++;
      const word = query.slice(start, i);
      if (word === "in" || word === "match") top().operators++;
    } else if (OPERATOR_CHARS.has(char)) {
      if (query.startsWith("...", i)) i += 3;
      else i += TWO_CHAR_OPERATORS.has(query.slice(i, i + 2)) ? 2 : 1;
      if (COUNTED.has(char)) {
        const frame = top();
        frame.operators++;
        if (frame.operators + stack.length > stopAbove) return frame.operators + stack.length;
      }
    } else {
      i++;
    }
  }
  while (stack.length > 1) close();
  const root = top();
  endPart(root);
  return root.best;
}
