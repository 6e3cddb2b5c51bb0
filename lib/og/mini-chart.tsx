import type { ChartData } from "@/lib/content/chart";
import { MiniBars } from "./mini-bars";
import { Sparkline } from "./sparkline";
import { colors } from "./theme";

// A post's headline figure: the first series of its first chart, small enough to sit in a
// card's corner, as bars (mini-bars.tsx) or a sparkline (sparkline.tsx).

const MAX_BARS = 3;

export type MiniChartProps = { chart: ChartData; width: number; height: number };

export function MiniChart({ chart, width, height }: MiniChartProps) {
  const series = chart.series[0];
  if (!series) return null;
  return (
    <div
      style={{
        width,
        height,
        display: "flex",
        flexDirection: "column",
        padding: "16px 22px",
        background: colors.surface,
        border: `2px solid ${colors.border}`,
        borderRadius: 16,
      }}
    >
      <div
        style={{
          display: "block",
          fontSize: 19,
          fontWeight: 700,
          color: colors.muted,
          whiteSpace: "nowrap",
          overflow: "hidden",
          textOverflow: "ellipsis",
        }}
      >
        {chart.title}
      </div>
      {chart.kind === "bar" ? (
        <MiniBars points={series.points.slice(0, MAX_BARS)} unit={chart.unit} chart={chart} />
      ) : (
        <Sparkline
          points={series.points}
          unit={chart.unit}
          width={width - 48}
          height={height - 78}
          filled={chart.kind === "area"}
        />
      )}
    </div>
  );
}
