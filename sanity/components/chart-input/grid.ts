import type { ChartSeriesValue } from "../../schemaTypes/rules.ts";
import { formatCell, parseCell } from "./parse-cells.ts";
import type { ParsedSeries } from "./parse-table.ts";

// The chart's series as the editor's table shows them: one row per label, one column per
// series, each cell a value or a range as text. The table is edited as text and turned back
// into series, keeping the _key of every series and point that is still there.

export type Grid = { names: string[]; rows: Array<{ label: string; cells: string[] }> };

export function seriesToGrid(series: readonly ChartSeriesValue[] | undefined): Grid {
  const list = series ?? [];
  const labels = [
    ...new Set(list.flatMap((item) => (item.points ?? []).map((point) => point.label ?? ""))),
  ];
  return {
    names: list.map((item) => item.name ?? ""),
    rows: labels.map((label) => ({
      label,
      cells: list.map((item) => {
        const point = item.points?.find((candidate) => (candidate.label ?? "") === label);
        return point ? formatCell(point) : "";
      }),
    })),
  };
}

export type GridError = { row: number; column: number; message: string };

/** The series a table describes, or what is wrong with its cells (row and column from 0). */
export function gridToSeries(
  grid: Grid,
  previous: readonly ChartSeriesValue[] | undefined,
  newKey: () => string,
): { series: ChartSeriesValue[]; errors: GridError[] } {
  const errors: GridError[] = [];
  const series: ChartSeriesValue[] = grid.names.map((name, column) => {
    const before = previous?.[column];
    return { _type: "chartSeries", _key: before?._key ?? newKey(), name: name.trim(), points: [] };
  });
  grid.rows.forEach((row, rowIndex) => {
    const label = row.label.trim();
    const filled = row.cells.some((cell) => cell.trim() !== "");
    if (!label) {
      if (filled) errors.push({ row: rowIndex, column: -1, message: "This row needs a label" });
      return;
    }
    row.cells.forEach((cell, column) => {
      const parsed = parseCell(cell);
      if (!parsed) {
        errors.push({
          row: rowIndex,
          column,
          message: `“${cell}” is not a number or a range like 22–26`,
        });
        return;
      }
      if (parsed.kind === "empty") return;
      const target = series[column];
      if (!target) return;
      const key =
        previous?.[column]?.points?.find((point) => (point.label ?? "") === label)?._key ??
        newKey();
      const range = parsed.kind === "range" ? { low: parsed.low, high: parsed.high } : {};
      target.points?.push({ _type: "chartPoint", _key: key, label, value: parsed.value, ...range });
    });
  });
  return { series, errors };
}

/** Pasted series with fresh keys, in the shape the schema stores. */
export function withKeys(
  parsed: readonly ParsedSeries[],
  newKey: () => string,
): ChartSeriesValue[] {
  return parsed.map((item) => ({
    _type: "chartSeries",
    _key: newKey(),
    name: item.name,
    points: item.points.map((point) => ({ _type: "chartPoint", _key: newKey(), ...point })),
  }));
}
