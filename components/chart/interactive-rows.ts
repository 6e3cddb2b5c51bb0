import { chartLabels, formatPoint, type ChartData } from "../../lib/content/chart";

// The chart's points as the rows recharts plots: one row per label, and per series a `value`
// key plus, where the point is a range, a `[low, high]` key that bars and areas draw as a span.

export type InteractiveRow = { label: string } & Record<string, string | number | number[]>;

export const valueKey = (index: number) => `s${index}`;
export const rangeKey = (index: number) => `s${index}range`;
export const readoutKey = (index: number) => `s${index}readout`;

export function toInteractiveRows(chart: ChartData): InteractiveRow[] {
  return chartLabels(chart).map((label) => {
    const row: InteractiveRow = { label };
    chart.series.forEach((series, index) => {
      const point = series.points.find((candidate) => candidate.label === label);
      if (!point) return;
      row[valueKey(index)] = point.value;
      // A plain bar is the span from zero to its value, so that one Bar draws both kinds.
      row[rangeKey(index)] =
        point.low !== undefined && point.high !== undefined
          ? [point.low, point.high]
          : [Math.min(0, point.value), Math.max(0, point.value)];
      row[readoutKey(index)] = formatPoint(point, chart.unit);
    });
    return row;
  });
}

/** True when some point of the chart is a range (the line and area views then draw a band). */
export function hasRanges(chart: ChartData): boolean {
  return chart.series.some((series) => series.points.some((point) => point.low !== undefined));
}
