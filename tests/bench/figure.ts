// One row of `npm run bench`: a figure beside its baseline measured in the same run, the ratio,
// the budget and whether the figure is within it.
export type Unit = "ms" | "µs" | "req/s" | "msg/s" | "KB" | "B" | "score" | "count";

export interface Figure {
  name: string;
  value: number;
  baseline: number;
  unit: Unit;
  budget: string;
  /** null for a diagnostic row, which has no budget. */
  within: boolean | null;
}

export interface SuiteResult {
  figures: Figure[];
  /** What a reader of the table needs besides the figures: failing audits, causes, caveats. */
  notes: string[];
}

const DIGITS: Record<Unit, number> = {
  ms: 2,
  µs: 0,
  "req/s": 0,
  "msg/s": 0,
  KB: 1,
  B: 0,
  score: 0,
  count: 0,
};

export const formatValue = (value: number, unit: Unit) =>
  Number.isFinite(value) ? `${value.toFixed(DIGITS[unit])} ${unit}` : "n/a";

export const ratio = (value: number, baseline: number) =>
  baseline === 0 ? (value === 0 ? "1.00" : "n/a") : (value / baseline).toFixed(2);

/** Median of the samples (NaN for none). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
