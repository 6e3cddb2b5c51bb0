import { isSymbol } from "./symbols";

// Turns what a reader typed into the parameters of searchPostsQuery. The text travels as GROQ
// parameters, never spliced into the query, so there is nothing to inject; what needs care is
// GROQ `match` syntax: `*` is a wildcard and punctuation splits tokens, so terms are reduced to
// runs of letters and digits and each gets one trailing `*` (prefix matching: "rot" → rotation).

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_TERMS = 8;

export type SearchInput =
  | { kind: "empty" }
  | { kind: "invalid"; query: string; message: string }
  | { kind: "ok"; query: string; terms: string[]; symbol: string | null };

export function parseSearchInput(raw: string | string[] | undefined): SearchInput {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const query = (value ?? "").replace(/\s+/g, " ").trim();
  if (query === "") return { kind: "empty" };
  if (query.length > SEARCH_MAX_LENGTH) {
    return {
      kind: "invalid",
      query: query.slice(0, SEARCH_MAX_LENGTH),
      message: `Please shorten your search to ${SEARCH_MAX_LENGTH} characters or fewer.`,
    };
  }
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const terms = [...new Set(words)].slice(0, SEARCH_MAX_TERMS).map((word) => `${word}*`);
  if (terms.length === 0) {
    return {
      kind: "invalid",
      query,
      message: "Search for words or a ticker symbol, such as “small caps” or “IWM”.",
    };
  }
  const upper = query.toUpperCase();
  return { kind: "ok", query, terms, symbol: isSymbol(upper) ? upper : null };
}
