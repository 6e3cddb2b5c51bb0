import { unbudgeted } from "./query-budget.ts";

// GROQ's `match` and `score()` as groq-js 2.0.0 evaluates them (its matchTokenize,
// matchPatternRegex, portableTextContent and processMatchScore, copied with their regular
// expressions), over tokens the lake keeps per document version.

/**
 * A text's distinct tokens, as numbers of the lake's vocabulary, each with how often it occurs
 * (score() counts occurrences).
 */
export interface Tokens {
  readonly ids: readonly number[];
  readonly counts: readonly number[];
}

/** Every token seen, numbered in order of first sight: terms remember their answers by number. */
const vocabulary = new Map<string, number>();
const words: string[] = [];

function tokenId(token: string): number {
  let id = vocabulary.get(token);
  if (id === undefined) {
    id = words.length;
    vocabulary.set(token, id);
    words.push(token);
  }
  return id;
}

const CHARS = /([^!@#$%^&*(),\\/?";:{}|[\]+<>\s-])+/g;
const CHARS_WITH_WILDCARD = /([^!@#$%^&(),\\/?";:{}|[\]+<>\s-])+/g;
const EDGE_CHARS = /(\b\.+|\.+\b)/g;

/** groq-js's matchTokenize, over each of `texts`. */
export function tokenize(texts: string[]): Tokens {
  const counts = new Map<number, number>();
  for (const text of texts) {
    for (const token of text.replace(EDGE_CHARS, "").match(CHARS) ?? []) {
      const id = tokenId(token);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return { ids: [...counts.keys()], counts: [...counts.values()] };
}

/** The terms of a pattern, or undefined when it is not text (a `match` on it is false). */
export function patternTerms(pattern: unknown): RegExp[] | undefined {
  const texts = typeof pattern === "string" ? [pattern] : pattern;
  if (!Array.isArray(texts) || !texts.every((text) => typeof text === "string")) return undefined;
  return texts.flatMap((text: string) =>
    (text.replace(EDGE_CHARS, "").match(CHARS_WITH_WILDCARD) ?? []).map(
      (term) => new RegExp(`^${term.slice(0, 1024).replace(/\*/g, ".*")}$`, "i"),
    ),
  );
}

/** `pt::text(value)`: the text of a block or of an array of blocks, or null. */
export function portableText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const texts = arrayText(value, []);
    return texts.length > 0 ? texts.join("\n\n") : null;
  }
  return value !== null && typeof value === "object" ? blockText(value) : null;
}

function arrayText(value: unknown[], result: string[]): string[] {
  for (const block of value) {
    if (Array.isArray(block)) arrayText(block, result);
    else if (typeof block === "object" && block) {
      const text = blockText(block);
      if (text !== null) result.push(text);
    }
  }
  return result;
}

function blockText(block: object): string | null {
  const { _type, children } = block as { _type?: unknown; children?: unknown };
  if (typeof _type !== "string" || !Array.isArray(children)) return null;
  let result = "";
  for (const child of children as unknown[]) {
    if (child && typeof child === "object") {
      const span = child as { _type?: unknown; text?: unknown };
      if (span._type === "span" && typeof span.text === "string") result += span.text;
    }
  }
  return result;
}

/**
 * One term against texts' tokens, remembering its answer for each token of the vocabulary: the
 * same words recur across documents and queries, so almost every test is a lookup.
 */
export class Term {
  /** By token number: 0 not tested yet, 1 no match, 2 a match. */
  private tested = new Uint8Array(64);
  private readonly re: RegExp;

  constructor(re: RegExp) {
    this.re = re;
  }

  /** The answers, with room for every token of the vocabulary. */
  private answers(): Uint8Array {
    if (this.tested.length < words.length) {
      const grown = new Uint8Array(words.length * 2);
      grown.set(this.tested);
      this.tested = grown;
    }
    return this.tested;
  }

  /** Whether the token numbered `id` matches. */
  hits(id: number): boolean {
    return (this.answers()[id] || this.test(id)) === 2;
  }

  private test(id: number): number {
    const answer = this.re.test(words[id] as string) ? 2 : 1;
    this.tested[id] = answer;
    return answer;
  }

  /** How many tokens match (each occurrence counts; 0 when none does). */
  frequency(tokens: Tokens): number {
    const tested = this.answers();
    const { ids, counts } = tokens;
    let count = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if ((tested[id] || this.test(id)) === 2) count += counts[i] as number;
    }
    return count;
  }

  matches(tokens: Tokens): boolean {
    const tested = this.answers();
    const { ids } = tokens;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if ((tested[id] || this.test(id)) === 2) return true;
    }
    return false;
  }
}

/** Terms by pattern, shared by queries (token numbers never change); the most recent 64. */
const terms = new Map<string, Term>();
const REMEMBERED_TERMS = 64;

/** The term for `re` (groq-js's pattern regular expression, always case-insensitive). */
export function termFor(re: RegExp): Term {
  let term = terms.get(re.source);
  if (term) terms.delete(re.source);
  else term = new Term(re);
  terms.set(re.source, term);
  if (terms.size > REMEMBERED_TERMS) terms.delete(terms.keys().next().value as string);
  return term;
}

/**
 * The text index: the tokens of a text the lake reads under `key` (e.g. `pt::text`, an
 * attribute) from a holder (a document or an object in one), computed once per version of the
 * holder. Documents are never changed in place (a write stores a new object), so after a commit
 * every entry of an unchanged document is still current and a changed document's old entries are
 * unreachable; its new version is tokenised on first use.
 */
export class TextIndex {
  private readonly entries = new WeakMap<object, Tokens>();
  private readonly read: (holder: object) => string[];

  /** `read`: the texts this index keeps of a holder. */
  constructor(read: (holder: object) => string[]) {
    this.read = read;
  }

  tokens(holder: object): Tokens {
    let tokens = this.entries.get(holder);
    if (!tokens) {
      // Built for every later query, as a view's indexes are: no query's time budget pays for it.
      tokens = unbudgeted(() => tokenize(this.read(holder)));
      this.entries.set(holder, tokens);
    }
    return tokens;
  }
}

const indexes = new Map<string, TextIndex>();

/** The index of the texts read under `key` (one reader per key), shared by every query. */
export function textIndex(key: string, read: (holder: object) => string[]): TextIndex {
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new TextIndex(read)));
  return index;
}
