// The cards' fixed canvas and palette: the site's light theme (components/site.css), since a
// shared image cannot follow the reader's colour scheme.

export const CARD_SIZE = { width: 1200, height: 630 } as const;
export const CARD_CONTENT_TYPE = "image/png";
export const OG_FONT_FAMILIES = {
  latin: "Inter",
  latinExt: "Inter Latin Ext",
  vietnamese: "Inter Vietnamese",
} as const;
/** The CSS font-family of every card: the subsets of Inter in fonts.ts, in fallback order. */
export const OG_FONT_FAMILY = Object.values(OG_FONT_FAMILIES).join(", ");

export const PADDING_X = 64;
export const PADDING_Y = 56;
/** Width of everything inside the padding. */
export const CONTENT_WIDTH = CARD_SIZE.width - 2 * PADDING_X;

export const colors = {
  bg: "#fbfaf7",
  surface: "#ffffff",
  text: "#1c1b19",
  muted: "#5f5b53",
  border: "#e4e0d8",
  accent: "#0b5cad",
  accentSoft: "rgba(11, 92, 173, 0.35)",
  accentFaint: "rgba(11, 92, 173, 0.12)",
  chipBg: "#eef3fa",
  chipText: "#0b4a8b",
} as const;

export const SITE_NAME = "Daily Insight";
export const TAGLINE = "Daily market commentary: what moved, why, and the tickers behind it.";

// Dates are instants; like the site (components/formatted-date.tsx) a card shows the UTC day.
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function formatCardDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : dayFormat.format(date);
}
