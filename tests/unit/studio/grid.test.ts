import { describe, expect, it } from "vitest";
import {
  gridToSeries,
  seriesToGrid,
  withKeys,
} from "../../../sanity/components/chart-input/grid.ts";
import type { ChartSeriesValue } from "../../../sanity/schemaTypes/rules.ts";

const counter = () => {
  let n = 0;
  return () => `k${++n}`;
};

const stored: ChartSeriesValue[] = [
  {
    _type: "chartSeries",
    _key: "pe",
    name: "Forward P/E",
    points: [
      { _type: "chartPoint", _key: "r", label: "Russell 2000", value: 18 },
      { _type: "chartPoint", _key: "s", label: "S&P 500", value: 24, low: 22, high: 26 },
    ],
  },
  {
    _type: "chartSeries",
    _key: "ey",
    name: "A year earlier",
    points: [{ _type: "chartPoint", _key: "s2", label: "S&P 500", value: 21 }],
  },
];

describe("the chart table", () => {
  it("shows a row per label and a column per series", () => {
    expect(seriesToGrid(stored)).toEqual({
      names: ["Forward P/E", "A year earlier"],
      rows: [
        { label: "Russell 2000", cells: ["18", ""] },
        { label: "S&P 500", cells: ["22–26", "21"] },
      ],
    });
    expect(seriesToGrid(undefined)).toEqual({ names: [], rows: [] });
  });

  it("turns an unchanged table back into the same series, keys kept", () => {
    const { series, errors } = gridToSeries(seriesToGrid(stored), stored, counter());
    expect(errors).toEqual([]);
    expect(series).toEqual(stored);
  });

  it("keeps the keys of points that stay and gives new points new keys", () => {
    const grid = seriesToGrid(stored);
    grid.rows.push({ label: "Nasdaq 100", cells: ["29", ""] });
    const { series } = gridToSeries(grid, stored, counter());
    expect(series[0]?.points?.map((point) => point._key)).toEqual(["r", "s", "k1"]);
    expect(series[0]?.points?.[2]).toEqual({
      _type: "chartPoint",
      _key: "k1",
      label: "Nasdaq 100",
      value: 29,
    });
  });

  it("marks cells that are not numbers and rows without a label", () => {
    const grid = seriesToGrid(stored);
    grid.rows[0]!.cells[0] = "lots";
    grid.rows.push({ label: " ", cells: ["3", ""] });
    grid.rows.push({ label: "", cells: ["", ""] }); // a fresh empty row is fine
    expect(gridToSeries(grid, stored, counter()).errors).toEqual([
      { row: 0, column: 0, message: "“lots” is not a number or a range like 22–26" },
      { row: 2, column: -1, message: "This row needs a label" },
    ]);
  });

  it("gives pasted series keys and the schema's item types", () => {
    expect(
      withKeys([{ name: "P/E", points: [{ label: "A", value: 1, low: 0, high: 2 }] }], counter()),
    ).toEqual([
      {
        _type: "chartSeries",
        _key: "k1",
        name: "P/E",
        points: [{ _type: "chartPoint", _key: "k2", label: "A", value: 1, low: 0, high: 2 }],
      },
    ]);
  });
});
