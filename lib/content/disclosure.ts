// What an author discloses: their position in each ticker a post discusses, stated on every
// mention (post.tickers[].position), and shown to readers beside the note. Pure vocabulary, used
// by the Studio, the article, feeds and cards.

export const POSITIONS = ["none", "long", "short"] as const;
export type Position = (typeof POSITIONS)[number];

export const isPosition = (value: unknown): value is Position =>
  typeof value === "string" && (POSITIONS as readonly string[]).includes(value);

/** The Studio's option labels. */
export const positionTitle: Record<Position, string> = {
  none: "No position",
  long: "Long",
  short: "Short",
};

/**
 * "Author position: long IWM", "Author position: short NVDA", "Author position: none in SPY".
 * A mention written before positions were required states none: it is shown as not stated.
 */
export function positionStatement(position: string | null | undefined, symbol: string): string {
  if (position === "long" || position === "short") return `Author position: ${position} ${symbol}`;
  if (position === "none") return `Author position: none in ${symbol}`;
  return `Author position in ${symbol}: not stated`;
}
