import { formatValue, type ChartPoint } from "@/lib/content/chart";
import { colors } from "./theme";

// Lines and areas in a card: the series as a sparkline with the last value spelled out.
export function Sparkline({
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
