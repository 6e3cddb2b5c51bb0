import { describe, expect, it } from "vitest";
import {
  isUniqueValue,
  uniqueValueQuery,
  validateChartPoint,
  validateChartSeries,
  validateSymbol,
  validateUniqueTickerMentions,
} from "../../../sanity/schemaTypes/rules.ts";

describe("validateSymbol", () => {
  it.each(["IWM", "AAPL", "NVDA", "SPY", "QQQ", "BRK.B", "A", "X1", "ABCDEFGHIJ"])(
    "accepts %s",
    (symbol) => {
      expect(validateSymbol(symbol)).toBe(true);
    },
  );

  it.each(["iwm", "Brk.b", "1ABC", "BRK.", "BRK.BB", "ABCDEFGHIJK", "SP Y", "BRK-B", ".B", "IWM "])(
    "rejects %s",
    (symbol) => {
      expect(validateSymbol(symbol)).toMatch(/upper case/);
    },
  );

  it("suggests the upper-case form when that would pass", () => {
    expect(validateSymbol("brk.b")).toContain("“BRK.B”");
    expect(validateSymbol("BRK-B")).not.toContain("Did you mean");
  });

  it("leaves absence to `required`", () => {
    expect(validateSymbol(undefined)).toBe(true);
  });
});

describe("validateChartPoint", () => {
  it("accepts a plain value and a well-formed range", () => {
    expect(validateChartPoint({ label: "Russell 2000", value: 18 })).toBe(true);
    expect(validateChartPoint({ label: "S&P 500", value: 24, low: 22, high: 26 })).toBe(true);
    expect(validateChartPoint({ label: "S&P 500", low: 22, high: 26 })).toBe(true);
    expect(validateChartPoint({ label: "flat", value: 0, low: 5, high: 5 })).toBe(true);
  });

  it("needs both ends of a range", () => {
    expect(validateChartPoint({ label: "x", value: 1, low: 2 })).toEqual([
      { message: "A range needs both a low and a high value", path: ["high"] },
    ]);
    expect(validateChartPoint({ label: "x", value: 1, high: 2 })).toEqual([
      { message: "A range needs both a low and a high value", path: ["low"] },
    ]);
  });

  it("needs low ≤ high", () => {
    expect(validateChartPoint({ label: "x", low: 26, high: 22 })).toEqual([
      { message: "The low end of the range must not exceed the high end", path: ["low"] },
    ]);
  });

  it("needs a value unless the point is a range", () => {
    expect(validateChartPoint({ label: "x" })).toEqual([
      { message: "A point needs a value (or a low–high range)", path: ["value"] },
    ]);
    const halfRange = validateChartPoint({ label: "x", low: 1 });
    expect(Array.isArray(halfRange) && halfRange.map((error) => error.path)).toEqual([
      ["high"],
      ["value"],
    ]);
  });
});

describe("validateChartSeries", () => {
  it("needs at least one series", () => {
    expect(validateChartSeries(undefined)).toMatch(/at least one data series/);
    expect(validateChartSeries([])).toMatch(/at least one data series/);
  });

  it("needs at least one point in every series, reported on that series", () => {
    expect(
      validateChartSeries([{ _key: "a", name: "A", points: [{ label: "x", value: 1 }] }]),
    ).toBe(true);
    expect(
      validateChartSeries([
        { _key: "a", name: "A", points: [{ label: "x", value: 1 }] },
        { _key: "b", name: "B", points: [] },
        { name: "C" },
      ]),
    ).toEqual([
      { message: "Series “B” needs at least one point", path: [{ _key: "b" }, "points"] },
      { message: "Series “C” needs at least one point", path: [2, "points"] },
    ]);
  });
});

describe("validateUniqueTickerMentions", () => {
  const mention = (key: string, ref?: string) => ({
    _key: key,
    ticker: ref ? { _ref: ref } : undefined,
    note: "n",
  });

  it("accepts distinct tickers and empty rows", () => {
    expect(validateUniqueTickerMentions(undefined)).toBe(true);
    expect(
      validateUniqueTickerMentions([
        mention("a", "ticker-IWM"),
        mention("b", "ticker-SPY"),
        mention("c"),
      ]),
    ).toBe(true);
  });

  it("flags every repeat of a ticker on its own row", () => {
    const result = validateUniqueTickerMentions([
      mention("a", "ticker-IWM"),
      mention("b", "ticker-SPY"),
      mention("c", "ticker-IWM"),
      mention("d", "ticker-IWM"),
    ]);
    expect(Array.isArray(result) && result.map((error) => error.path)).toEqual([
      [{ _key: "c" }, "ticker"],
      [{ _key: "d" }, "ticker"],
    ]);
  });
});

describe("uniqueness", () => {
  it("asks for other published documents with the value", async () => {
    const calls: Array<{ query: string; params: Record<string, unknown> }> = [];
    const unique = await isUniqueValue(
      async (query, params) => {
        calls.push({ query, params });
        return true;
      },
      { type: "ticker", field: "symbol", value: "IWM", documentId: "drafts.ticker-IWM" },
    );
    expect(unique).toBe(true);
    expect(calls).toEqual([
      { query: uniqueValueQuery("ticker", "symbol"), params: { value: "IWM", id: "ticker-IWM" } },
    ]);
  });
});
