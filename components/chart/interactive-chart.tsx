"use client";

import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatValue, type ChartData } from "../../lib/content/chart";
import { hasRanges, rangeKey, readoutKey, toInteractiveRows, valueKey } from "./interactive-rows";

// The explorable version of a chart block, drawn with recharts once a reader asks for it
// (chart-explorer.tsx loads this module on demand, so it never counts against a page's first
// load). Tooltips and arrow keys (recharts' accessibility layer) read out each point with its
// unit; ranges stay ranges.

const SERIES_COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)"];

export default function InteractiveChart({ chart }: { chart: ChartData }) {
  const rows = toInteractiveRows(chart);
  const bands = chart.kind !== "bar" && hasRanges(chart);
  const color = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length];
  return (
    <div className="chart__interactive">
      <ResponsiveContainer width="100%" height={Math.max(260, rows.length * 36 + 80)}>
        <ComposedChart
          data={rows}
          layout={chart.kind === "bar" ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          {chart.kind === "bar" ? (
            <>
              <XAxis
                type="number"
                tickFormatter={(value: number) => formatValue(value, chart.unit)}
                stroke="var(--muted)"
              />
              <YAxis type="category" dataKey="label" width={120} stroke="var(--muted)" />
            </>
          ) : (
            <>
              <XAxis dataKey="label" stroke="var(--muted)" />
              <YAxis
                tickFormatter={(value: number) => formatValue(value, chart.unit)}
                stroke="var(--muted)"
              />
            </>
          )}
          <Tooltip
            formatter={(_value, name, item) => {
              const index = Number(String(item.dataKey).match(/^s(\d+)/)?.[1] ?? 0);
              const readout = (item.payload as Record<string, unknown>)[readoutKey(index)];
              return [String(readout ?? ""), name];
            }}
            contentStyle={{ background: "var(--surface)", borderColor: "var(--border)" }}
            labelStyle={{ color: "var(--text)", fontWeight: 700 }}
          />
          {chart.series.length > 1 ? <Legend /> : null}
          {chart.series.map((series, index) =>
            chart.kind === "bar" ? (
              <Bar
                key={series.key}
                dataKey={rangeKey(index)}
                name={series.name}
                fill={color(index)}
              />
            ) : (
              [
                bands ? (
                  <Area
                    key={`${series.key}-band`}
                    dataKey={rangeKey(index)}
                    name={`${series.name} range`}
                    legendType="none"
                    tooltipType="none"
                    fill={color(index)}
                    fillOpacity={0.18}
                    stroke="none"
                  />
                ) : null,
                chart.kind === "area" && !bands ? (
                  <Area
                    key={series.key}
                    dataKey={valueKey(index)}
                    name={series.name}
                    stroke={color(index)}
                    fill={color(index)}
                    fillOpacity={0.22}
                  />
                ) : (
                  <Line
                    key={series.key}
                    dataKey={valueKey(index)}
                    name={series.name}
                    stroke={color(index)}
                    strokeWidth={2}
                  />
                ),
              ]
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
