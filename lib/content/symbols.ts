// Ticker symbols as stored: upper case, a letter then up to 9 letters or digits, optionally a
// share class (IWM, NVDA, BRK.B). The Studio validates with this, the site routes with it, the
// watchlists and search accept input with it, and the database checks the same shape
// (drizzle/schema.ts).

export const SYMBOL_PATTERN = /^[A-Z][A-Z0-9]{0,9}(\.[A-Z])?$/;

export function isSymbol(value: string): boolean {
  return SYMBOL_PATTERN.test(value);
}

/** The stored spelling of what someone typed (" brk.b " → "BRK.B"), or null if it is no symbol. */
export function canonicalSymbol(input: string): string | null {
  const symbol = input.trim().toUpperCase();
  return isSymbol(symbol) ? symbol : null;
}
