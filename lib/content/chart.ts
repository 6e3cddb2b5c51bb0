import type { Chart } from "../sanity/types.ts";

// The `chart` block of a post body, shaped once for drawing: numbers checked, a range's
// missing midpoint filled in, points the schema allows but nobody can draw dropped. The article,
// the cards (lib/og), the feed (lib/feed) and the Studio's live preview all draw this model, so
// none of them shows a point another drops.

/** A `chart` block as stored in a post body: typegen's Chart, keyed in its array. */
export type ChartBlock = Chart & { _key: string };
export type ChartSeriesBlock = NonNullable<ChartBlock["series"]>[number];
export type ChartPointBlock = NonNullable<ChartSeriesBlock["points"]>[number];

export type ChartKind = NonNullable<ChartBlock["kind"]>;
export type ChartPoint = { key: string; label: string; value: number; low?: number; high?: number };
export type ChartSeries = { key: string; name: string; points: ChartPoint[] };
export type ChartData = {
  key: string;
  title: string;
  caption: string;
  kind: ChartKind;
  unit: string;
  series: ChartSeries[];
  source: string;
};

export function isChartBlock(block: { _type: string }): block is ChartBlock {
  return block._type === "chart";
}

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

function toPoint(point: ChartPointBlock): ChartPoint[] {
  const isRange = isNumber(point.low) && isNumber(point.high) && point.low <= point.high;
  const value = isNumber(point.value)
    ? point.value
    : isRange
      ? ((point.low as number) + (point.high as number)) / 2
      : undefined;
  if (value === undefined || !point.label) return [];
  const range = isRange ? { low: point.low as number, high: point.high as number } : {};
  return [{ key: point._key, label: point.label, value, ...range }];
}

export function toChartData(block: ChartBlock): ChartData {
  const kind = block.kind === "line" || block.kind === "area" ? block.kind : "bar";
  return {
    key: block._key,
    title: block.title?.trim() || "Chart",
    caption: block.caption?.trim() ?? "",
    kind,
    unit: block.unit?.trim() ?? "",
    source: block.source?.trim() ?? "",
    series: (block.series ?? []).flatMap((series, index) => {
      const points = (series.points ?? []).flatMap(toPoint);
      if (points.length === 0) return [];
      return [{ key: series._key, name: series.name?.trim() || `Series ${index + 1}`, points }];
    }),
  };
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
// Units written straight after the number ("18x", "5.8%"); others get a space ("3 bn").
const TIGHT_UNITS = new Set(["%", "x", "×", "bp", "pp"]);

export function formatValue(value: number, unit: string): string {
  const number = numberFormat.format(value);
  if (!unit) return number;
  if (unit === "$") return value < 0 ? `-$${numberFormat.format(-value)}` : `$${number}`;
  return TIGHT_UNITS.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
}

export function formatRange(low: number, high: number, unit: string): string {
  return `${formatValue(low, unit)}–${formatValue(high, unit)}`;
}

/** What a point reads as: its range when it has one ("22x–26x"), else its value ("18x"). */
export function formatPoint(point: ChartPoint, unit: string): string {
  return point.low !== undefined && point.high !== undefined
    ? formatRange(point.low, point.high, unit)
    : formatValue(point.value, unit);
}

/** Round axis ticks from zero (or below, for negatives) past the largest value. */
export function niceTicks(values: readonly number[], target = 4): number[] {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const rough = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ??
    10 * magnitude;
  const first = Math.floor(min / step) * step;
  // All zeros still get an axis to stand on.
  const last = max === min ? first + step * target : Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= last + step / 2; tick += step) {
    ticks.push(Number(tick.toFixed(10)) || 0); // `|| 0`: no "-0" on the axis
  }
  return ticks;
}

/** An SVG percentage coordinate, rounded so the HTML stays short and stable. */
export function percent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

/** Every value a chart draws, ranges included, for the axis. */
export function chartExtent(chart: ChartData): number[] {
  return chart.series.flatMap((series) =>
    series.points.flatMap((point) => [
      point.value,
      point.low ?? point.value,
      point.high ?? point.value,
    ]),
  );
}

/** Labels across all series, in the order they first appear. */
export function chartLabels(chart: ChartData): string[] {
  return [...new Set(chart.series.flatMap((series) => series.points.map((point) => point.label)))];
}

/** A sentence for screen readers and the SVG's accessible name. */
export function describeChart(chart: ChartData): string {
  const series = chart.series.map((item) => {
    const points = item.points.map((point) => `${point.label} ${formatPoint(point, chart.unit)}`);
    return `${item.name}: ${points.join("; ")}`;
  });
  return `${chart.kind[0]?.toUpperCase()}${chart.kind.slice(1)} chart. ${series.join(". ")}.`;
}
