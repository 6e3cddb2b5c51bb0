import {
  chartExtent,
  formatPoint,
  niceTicks,
  type ChartData,
  type ChartPoint,
} from "@/lib/content/chart";
import { colors } from "./theme";

// Bars read as on the site (components/chart/bar-chart-svg.tsx): a plain point is a bar from
// zero, a range point a light band from low to high with its value marked.
export function MiniBars({
  points,
  unit,
  chart,
}: {
  points: ChartPoint[];
  unit: string;
  chart: ChartData;
}) {
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
