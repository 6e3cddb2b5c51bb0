import {
  chartExtent,
  formatPoint,
  formatValue,
  niceTicks,
  type ChartData,
  type ChartPoint,
} from "@/components/chart/chart-data";
import { colors } from "./theme";

// A post's headline figure: the first series of its first chart, small enough to sit in a
// card's corner. Bars read as on the site (components/chart/bar-chart-svg.tsx): a plain point
// is a bar from zero, a range point a light band from low to high with its value marked.
// Lines and areas become a sparkline with the last value spelled out.

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
        <Bars points={series.points.slice(0, MAX_BARS)} unit={chart.unit} chart={chart} />
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

function Bars({ points, unit, chart }: { points: ChartPoint[]; unit: string; chart: ChartData }) {
  const shown = { ...chart, series: [{ key: "shown", name: "", points }] };
  const ticks = niceTicks(chartExtent(shown));
  const min = ticks[0] ?? 0;
  const max = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => ((value - min) / (max - min || 1)) * 100;
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-around",
        flexGrow: 1,
      }}
    >
      {points.map((point) => {
        const isRange = point.low !== undefined && point.high !== undefined;
        const from = isRange ? (point.low as number) : Math.min(0, point.value);
        const to = isRange ? (point.high as number) : Math.max(0, point.value);
        return (
          <div key={point.key} style={{ display: "flex", alignItems: "center", gap: 14 }}>
            <div
              style={{
                display: "block",
                width: 140,
                fontSize: 21,
                color: colors.text,
                whiteSpace: "nowrap",
                overflow: "hidden",
                textOverflow: "ellipsis",
              }}
            >
              {point.label}
            </div>
            <div style={{ display: "flex", position: "relative", flexGrow: 1, height: 26 }}>
              {isRange && from > Math.min(0, min) ? (
                // The span up to a range's low end, faint: the bar's length still reads at a glance.
                <div
                  style={{
                    position: "absolute",
                    left: `${x(Math.max(0, min))}%`,
                    width: `${x(from) - x(Math.max(0, min))}%`,
                    top: 0,
                    height: 26,
                    borderRadius: 4,
                    background: colors.accentFaint,
                  }}
                />
              ) : null}
              <div
                style={{
                  position: "absolute",
                  left: `${x(from)}%`,
                  width: `${Math.max(x(to) - x(from), 1)}%`,
                  top: 0,
                  height: 26,
                  borderRadius: 4,
                  background: isRange ? colors.accentSoft : colors.accent,
                  border: isRange ? `2px solid ${colors.accent}` : "none",
                }}
              />
              {isRange ? (
                <div
                  style={{
                    position: "absolute",
                    left: `${x(point.value)}%`,
                    top: -4,
                    width: 4,
                    height: 34,
                    marginLeft: -2,
                    borderRadius: 2,
                    background: colors.accent,
                  }}
                />
              ) : null}
            </div>
            <div
              style={{
                display: "flex",
                justifyContent: "flex-end",
                width: 112,
                fontSize: 24,
                fontWeight: 700,
                color: colors.text,
              }}
            >
              {formatPoint(point, unit)}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function Sparkline({
  points,
  unit,
  width,
  height,
  filled,
}: {
  points: ChartPoint[];
  unit: string;
  width: number;
  height: number;
  filled: boolean;
}) {
  const last = points[points.length - 1];
  if (!last) return null;
  const valueWidth = 130;
  const plotWidth = width - valueWidth;
  const values = points.map((point) => point.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = 10;
  const px = (index: number) =>
    pad +
    (points.length > 1 ? (index / (points.length - 1)) * (plotWidth - 2 * pad) : plotWidth / 2);
  const py = (value: number) =>
    pad + (high === low ? 0.5 : 1 - (value - low) / (high - low)) * (height - 2 * pad);
  const coords = points.map(
    (point, index) => `${px(index).toFixed(1)},${py(point.value).toFixed(1)}`,
  );
  const line = `M${coords.join(" L")}`;
  const area = `${line} L${px(points.length - 1).toFixed(1)},${height} L${px(0).toFixed(1)},${height} Z`;
  return (
    <div style={{ display: "flex", alignItems: "center", flexGrow: 1, marginTop: 8 }}>
      <svg width={plotWidth} height={height} viewBox={`0 0 ${plotWidth} ${height}`}>
        {filled ? <path d={area} fill={colors.accentSoft} /> : null}
        <path
          d={line}
          fill="none"
          stroke={colors.accent}
          strokeWidth="4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle
          cx={px(points.length - 1)}
          cy={py(last.value)}
          r="6"
          fill={colors.surface}
          stroke={colors.accent}
          strokeWidth="4"
        />
      </svg>
      <div style={{ display: "flex", flexDirection: "column", width: valueWidth, paddingLeft: 16 }}>
        <div style={{ display: "flex", fontSize: 28, fontWeight: 700 }}>
          {formatValue(last.value, unit)}
        </div>
        <div
          style={{
            display: "block",
            fontSize: 18,
            color: colors.muted,
            whiteSpace: "nowrap",
            overflow: "hidden",
            textOverflow: "ellipsis",
          }}
        >
          {last.label}
        </div>
      </div>
    </div>
  );
}
