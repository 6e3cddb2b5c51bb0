import { canonicalSymbol } from "@/lib/content/symbols";

// What /tickers/[symbol] does with the segment it was given, decided before any content is read:
// symbols are stored upper case (BRK.B), so other spellings redirect to the one canonical URL,
// and a segment that cannot be a symbol is a 404 without asking the Content Lake.

export type SymbolRoute =
  { kind: "render"; symbol: string } | { kind: "redirect"; symbol: string } | { kind: "not-found" };

export function resolveSymbolSegment(segment: string): SymbolRoute {
  const symbol = canonicalSymbol(segment);
  if (symbol === null) return { kind: "not-found" };
  return symbol === segment ? { kind: "render", symbol } : { kind: "redirect", symbol };
}
