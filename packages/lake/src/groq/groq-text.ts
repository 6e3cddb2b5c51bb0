import { constantArray } from "./groq-ast.ts";
import type { Node } from "./groq-ast.ts";
import { patternTerms, portableText, termFor, textIndex, tokenize } from "./text-index.ts";
import type { Term, Tokens } from "./text-index.ts";

// `match` compiled with groq-js's semantics (its `match` operator and score()'s match score)
// over the text index (text-index.ts): the texts a `match` reads are tokenised once per document
// version, not once per query.

type Getter = (scope: unknown) => unknown;
/** How the compiler gets a value's getter (groq-compile.ts), or undefined when it cannot. */
export type CompileGetter = (node: Node) => Getter | undefined;
/** The tokens of each text a `match`'s left side gathers. */
export type TextSource = (scope: unknown) => Tokens[];
/** One part of a `match`'s left side, named by its syntax (the same name reads the same texts). */
export interface TextPart {
  key: string;
  read: TextSource;
}

/**
 * groq-js's gatherText over the left side, as the parts it reads in order: a string is one text;
 * an array's string items are texts (other items are ignored); anything else has none. An array
 * literal `[a, ...b]` is that array: a non-splat element counts only if it is a string, a
 * splat's string items count.
 */
export function compileTextSource(node: Node, getter: CompileGetter): TextPart[] | undefined {
  const elements =
    node.type === "Array"
      ? (node.elements as Node[]).map((element) => ({
          value: element.value as Node,
          gather: element.isSplat ? ("items" as const) : ("string" as const),
        }))
      : [{ value: node, gather: "items" as const }];
  const parts: TextPart[] = [];
  for (const { value, gather } of elements) {
    const read = compileText(value, getter, gather);
    if (!read) return undefined;
    parts.push({ key: `${gather}:${JSON.stringify(value)}`, read });
  }
  return parts;
}

/** `string`: only a string is text; `items`: a string, or the strings in an array. */
type Gather = "string" | "items";

function textsOf(value: unknown, gather: Gather): string[] {
  if (typeof value === "string") return [value];
  if (gather === "items" && Array.isArray(value))
    return value.filter((item): item is string => typeof item === "string");
  return [];
}

function compileText(node: Node, getter: CompileGetter, gather: Gather): TextSource | undefined {
  // An attribute (`title`, `slug.current`): indexed under the object that holds it.
  if (node.type === "AccessAttribute" && typeof node.name === "string") {
    const name = node.name;
    const holder = node.base === undefined ? (scope: unknown) => scope : getter(node.base as Node);
    if (!holder) return undefined;
    const index = textIndex(`${gather}:${name}`, (object) =>
      textsOf((object as Record<string, unknown>)[name], gather),
    );
    return (scope) => {
      const object = holder(scope);
      if (object === null || typeof object !== "object" || Array.isArray(object)) return [];
      if (!Object.hasOwn(object, name)) return [];
      const value = (object as Record<string, unknown>)[name];
      if (typeof value !== "string" && !Array.isArray(value)) return [];
      return [index.tokens(object)];
    };
  }
  // `pt::text(body)`: indexed under the blocks.
  if (node.type === "FuncCall" && node.namespace === "pt" && node.name === "text") {
    const args = node.args as Node[];
    const blocks = args.length === 1 && args[0] ? getter(args[0]) : undefined;
    if (!blocks) return undefined;
    const index = textIndex("pt::text", (value) => {
      const text = portableText(value);
      return text === null ? [] : [text];
    });
    return (scope) => {
      const value = blocks(scope);
      if (value === null || typeof value !== "object") return [];
      return [index.tokens(value)];
    };
  }
  // `tickers[].ticker->symbol` as a list's items: each item's text, indexed as above.
  if (node.type === "Map" && gather === "items") {
    const items = getter(node.base as Node);
    const each = compileText(node.expr as Node, getter, "string");
    if (!items || !each) return undefined;
    return (scope) => {
      const list = items(scope);
      return Array.isArray(list) ? list.flatMap((item) => each(item)) : [];
    };
  }
  // Anything else: tokenised as it is read, once per text per query.
  const value = getter(node);
  if (!value) return undefined;
  const seen = new Map<string, Tokens>();
  const tokensOf = (text: string) => {
    let tokens = seen.get(text);
    if (!tokens) seen.set(text, (tokens = tokenize([text])));
    return tokens;
  };
  return (scope) => textsOf(value(scope), gather).map(tokensOf);
}

/** `left match right` with a constant pattern, as a predicate; undefined when not compilable. */
export function compileMatch(
  node: Node,
  getter: CompileGetter,
): ((scope: unknown) => boolean) | undefined {
  const terms = constantTerms(node.right as Node);
  const source = compileTextSource(node.left as Node, getter);
  if (!terms || !source) return undefined;
  // A pattern that is not text, or has no terms, matches nothing.
  if (terms.length === 0) return () => false;
  // Every term must match a token of some text; parts are read only until one does.
  const matches = (term: Term, scope: unknown) => {
    for (const part of source)
      for (const tokens of part.read(scope)) if (term.matches(tokens)) return true;
    return false;
  };
  return (scope) => {
    for (const term of terms) if (!matches(term, scope)) return false;
    return true;
  };
}

/** score()'s score of `left match right` (groq-js's processMatchScore); undefined when not compilable. */
export function compileMatchScore(
  node: Node,
  getter: CompileGetter,
): ((scope: unknown) => number) | undefined {
  const terms = constantTerms(node.right as Node);
  const source = compileTextSource(node.left as Node, getter);
  if (!terms || !source) return undefined;
  return (scope) => {
    let score = 0;
    for (const term of terms) {
      let freq = 0;
      for (const part of source)
        for (const tokens of part.read(scope)) freq += term.frequency(tokens);
      score += (freq * 2.2) / (freq + 1.2);
    }
    return score;
  };
}

/** The terms of a constant pattern ([] when it is not text); undefined when it is not constant. */
export function constantTerms(node: Node): Term[] | undefined {
  const pattern = node.type === "Value" ? node.value : constantArray(node);
  if (pattern === undefined) return undefined;
  return (patternTerms(pattern) ?? []).map(termFor);
}
