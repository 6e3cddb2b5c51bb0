import type { CSSProperties, ReactNode } from "react";
import { CARD_SIZE, colors, OG_FONT_FAMILY, PADDING_X, PADDING_Y, SITE_NAME } from "./theme";

// Layout primitives shared by every card. Satori lays out with flexbox only: every element
// with more than one child needs `display: flex`.

const row: CSSProperties = { display: "flex", flexDirection: "row", alignItems: "center" };

/** The site's icon (app/icon.svg) beside its name. */
export function Mark({ size = 44 }: { size?: number }) {
  return (
    <div style={{ ...row, gap: 14 }}>
      <svg width={size} height={size} viewBox="0 0 32 32">
        <rect width="32" height="32" rx="6" fill={colors.accent} />
        <path
          d="M7 23 L13 15 L18 19 L25 9"
          fill="none"
          stroke="#ffffff"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <div
        style={{ fontSize: size * 0.7, fontWeight: 700, color: colors.text, letterSpacing: -0.5 }}
      >
        {SITE_NAME}
      </div>
    </div>
  );
}

/** The whole canvas: an accent rule on top, the mark and an optional right-hand note, then the body. */
export function CardFrame({ aside, children }: { aside?: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        width: CARD_SIZE.width,
        height: CARD_SIZE.height,
        display: "flex",
        flexDirection: "column",
        background: colors.bg,
        color: colors.text,
        fontFamily: OG_FONT_FAMILY,
        borderTop: `10px solid ${colors.accent}`,
        padding: `${PADDING_Y - 10}px ${PADDING_X}px ${PADDING_Y}px`,
      }}
    >
      <div style={{ ...row, justifyContent: "space-between", height: 52 }}>
        <Mark />
        {aside ? (
          <div style={{ display: "flex", fontSize: 26, color: colors.muted }}>{aside}</div>
        ) : null}
      </div>
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, marginTop: 32 }}>
        {children}
      </div>
    </div>
  );
}

export function Chip({ children, size = 26 }: { children: string; size?: number }) {
  return (
    <div
      style={{
        display: "flex",
        padding: `${size * 0.25}px ${size * 0.6}px`,
        borderRadius: size * 0.4,
        background: colors.chipBg,
        color: colors.chipText,
        fontSize: size,
        fontWeight: 700,
        letterSpacing: 0.5,
      }}
    >
      {children}
    </div>
  );
}

export function ChipRow({ symbols, max = 6 }: { symbols: readonly string[]; max?: number }) {
  const shown = symbols.slice(0, max);
  const more = symbols.length - shown.length;
  return (
    <div style={{ ...row, flexWrap: "wrap", gap: 12 }}>
      {shown.map((symbol) => (
        <Chip key={symbol}>{symbol}</Chip>
      ))}
      {more > 0 ? (
        <div style={{ display: "flex", fontSize: 24, color: colors.muted }}>{`+${more}`}</div>
      ) : null}
    </div>
  );
}

/** A small upper-case label above a piece of text. */
export function Eyebrow({ children }: { children: string }) {
  return (
    <div
      style={{
        display: "flex",
        fontSize: 22,
        fontWeight: 700,
        color: colors.muted,
        textTransform: "uppercase",
        letterSpacing: 2,
      }}
    >
      {children}
    </div>
  );
}
