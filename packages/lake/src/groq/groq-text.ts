import { constantArray } from "./groq-ast.ts";
import type { Node } from "./groq-ast.ts";
import { patternTerms, portableText, Term, textIndex, tokenize } from "./text-index.ts";
import type { Tokens } from "./text-index.ts";

// `match` compiled with groq-js's semantics (its `match` operator and score()'s match score)
// over the text index (text-index.ts): the texts a `match` reads are tokenised once per document
// version, not once per query.

type Getter = (scope: unknown) => unknown;
/** How the compiler gets a value's getter (groq-compile.ts), or undefined when it cannot. */
export type CompileGetter = (node: Node) => Getter | undefined;
/** The tokens of each text a `match`'s left side gathers. */
export type TextSource = (scope: unknown) => Tokens[];

/**
 * groq-js's gatherText over the left side: a string is one text; an array's string items are
 * texts (other items are ignored); anything else has none. An array literal `[a, ...b]` is that
 * array: a non-splat element counts only if it is a string, a splat's string items count.
 */
export function compileTextSource(node: Node, getter: CompileGetter): TextSource | undefined {
  if (node.type !== "Array") return compileText(node, getter, "items");
  const parts: TextSource[] = [];
  for (const element of node.elements as Node[]) {
    const part = compileText(element.value as Node, getter, element.isSplat ? "items" : "string");
    if (!part) return undefined;
    parts.push(part);
  }
  return (scope) => parts.flatMap((part) => part(scope));
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
    const index = textIndex(`${gather}:${name}`);
    return (scope) => {
      const object = holder(scope);
      if (object === null || typeof object !== "object" || Array.isArray(object)) return [];
      if (!Object.hasOwn(object, name)) return [];
      const value = (object as Record<string, unknown>)[name];
      if (typeof value !== "string" && !Array.isArray(value)) return [];
      return [index.tokens(object, () => textsOf(value, gather))];
    };
  }
  // `pt::text(body)`: indexed under the blocks.
  if (node.type === "FuncCall" && node.namespace === "pt" && node.name === "text") {
    const args = node.args as Node[];
    const blocks = args.length === 1 && args[0] ? getter(args[0]) : undefined;
    if (!blocks) return undefined;
    const index = textIndex("pt::text");
    return (scope) => {
      const value = blocks(scope);
      if (value === null || typeof value !== "object") return [];
      return [
        index.tokens(value, () => {
          const text = portableText(value);
          return text === null ? [] : [text];
        }),
      ];
    };
  }
  // Anything else (`tickers[].ticker->symbol`): tokenised as it is read, once per text per query.
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
  return (scope) => {
    const texts = source(scope);
    return terms.every((term) => texts.some((tokens) => term.matches(tokens)));
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
    if (terms.length === 0) return 0;
    const texts = source(scope);
    let score = 0;
    for (const term of terms) {
      let freq = 0;
      for (const tokens of texts) freq += term.frequency(tokens);
      score += (freq * 2.2) / (freq + 1.2);
    }
    return score;
  };
}

/** The terms of a constant pattern ([] when it is not text); undefined when it is not constant. */
function constantTerms(node: Node): Term[] | undefined {
  const pattern = node.type === "Value" ? node.value : constantArray(node);
  if (pattern === undefined) return undefined;
  return (patternTerms(pattern) ?? []).map((re) => new Term(re));
}
