import type { CSSProperties } from "react";
import { Eyebrow } from "./layout";
import { colors } from "./theme";

/** The latest post's title under a rule, as the ticker and home cards end. */
export function LatestPost({
  eyebrow,
  fit,
  titleStyle,
}: {
  eyebrow: string;
  fit: { text: string; fontSize: number };
  titleStyle: CSSProperties;
}) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        gap: 8,
        paddingTop: 22,
        borderTop: `2px solid ${colors.border}`,
      }}
    >
      <Eyebrow>{eyebrow}</Eyebrow>
      <div style={{ display: "block", fontSize: fit.fontSize, lineHeight: 1.2, ...titleStyle }}>
        {fit.text}
      </div>
    </div>
  );
}
