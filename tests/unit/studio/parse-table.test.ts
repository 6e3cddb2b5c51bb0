import { describe, expect, it } from "vitest";
import {
  formatCell,
  parseCell,
  parseNumber,
} from "../../../sanity/components/chart-input/parse-cells.ts";
import { parseChartTable, splitRows } from "../../../sanity/components/chart-input/parse-table.ts";

describe("parseNumber", () => {
  it("reads numbers as spreadsheets copy them", () => {
    expect(parseNumber("18")).toBe(18);
    expect(parseNumber("-2.5")).toBe(-2.5);
    expect(parseNumber("−2.5")).toBe(-2.5);
    expect(parseNumber("18x")).toBe(18);
    expect(parseNumber("5.8%")).toBe(5.8);
    expect(parseNumber("$1,200")).toBe(1200);
    expect(parseNumber("(12)")).toBe(-12);
  });

  it("tells decimal commas from thousands separators", () => {
    expect(parseNumber("18,5")).toBe(18.5);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("1,234.5")).toBe(1234.5);
    expect(parseNumber("1.234,5")).toBe(1234.5);
    expect(parseNumber("1.234.567")).toBe(1234567);
  });

  it("refuses what is not a number", () => {
    for (const text of ["", "abc", "12abc", "1.2.3,4,5x7", "--3", "x"]) {
      expect(parseNumber(text), text).toBeUndefined();
    }
  });
});

describe("parseCell", () => {
  it("reads values, ranges and a value with its range", () => {
    expect(parseCell("")).toEqual({ kind: "empty" });
    expect(parseCell("18x")).toEqual({ kind: "value", value: 18 });
    expect(parseCell("22-26")).toEqual({ kind: "range", value: 24, low: 22, high: 26 });
    expect(parseCell("22x–26x")).toEqual({ kind: "range", value: 24, low: 22, high: 26 });
    expect(parseCell("22 to 26")).toEqual({ kind: "range", value: 24, low: 22, high: 26 });
    expect(parseCell("-5 - 3")).toEqual({ kind: "range", value: -1, low: -5, high: 3 });
    expect(parseCell("25 (22–26)")).toEqual({ kind: "range", value: 25, low: 22, high: 26 });
  });

  it("refuses a reversed range and words", () => {
    expect(parseCell("26-22")).toBeUndefined();
    expect(parseCell("n/a")).toBeUndefined();
  });

  it("formats what it reads back into the same cell", () => {
    for (const text of ["18", "22–26", "25 (22–26)", "-1.5"]) {
      const cell = parseCell(text);
      expect(cell && cell.kind !== "empty" ? formatCell(cell) : undefined).toBe(text);
    }
  });
});

describe("splitRows", () => {
  it("keeps quoted delimiters, doubled quotes and line breaks inside a field", () => {
    expect(splitRows('a,"b, c","say ""hi""",\n"two\nlines",2\r\n\n', ",")).toEqual([
      ["a", "b, c", 'say "hi"', ""],
      ["two\nlines", "2"],
    ]);
  });
});

describe("parseChartTable", () => {
  it("reads a CSV with a header into one series per column", () => {
    const result = parseChartTable("Index,2025,2026\nRussell 2000,12,18\nS&P 500,20,22");
    expect(result).toEqual({
      ok: true,
      delimiter: ",",
      series: [
        {
          name: "2025",
          points: [
            { label: "Russell 2000", value: 12 },
            { label: "S&P 500", value: 20 },
          ],
        },
        {
          name: "2026",
          points: [
            { label: "Russell 2000", value: 18 },
            { label: "S&P 500", value: 22 },
          ],
        },
      ],
    });
  });

  it("reads TSV copied from a spreadsheet, with decimal commas and ranges", () => {
    const result = parseChartTable("Index\tForward P/E\nRussell 2000\t18,5x\nS&P 500\t22x–26x\n");
    expect(result).toEqual({
      ok: true,
      delimiter: "\t",
      series: [
        {
          name: "Forward P/E",
          points: [
            { label: "Russell 2000", value: 18.5 },
            { label: "S&P 500", value: 24, low: 22, high: 26 },
          ],
        },
      ],
    });
  });

  it("reads semicolon CSV (European exports) with decimal commas", () => {
    const result = parseChartTable("Month;Yield\nJan;4,25\nFeb;4,1");
    expect(result).toMatchObject({
      ok: true,
      delimiter: ";",
      series: [
        {
          name: "Yield",
          points: [
            { label: "Jan", value: 4.25 },
            { label: "Feb", value: 4.1 },
          ],
        },
      ],
    });
  });

  it("pairs low and high columns with their series", () => {
    const result = parseChartTable(
      "Index,P/E,Low,High\nRussell 2000,18,,\nS&P 500,24,22,26\n" + '"Nasdaq, 100",,27,31',
    );
    expect(result).toEqual({
      ok: true,
      delimiter: ",",
      series: [
        {
          name: "P/E",
          points: [
            { label: "Russell 2000", value: 18 },
            { label: "S&P 500", value: 24, low: 22, high: 26 },
            { label: "Nasdaq, 100", value: 29, low: 27, high: 31 },
          ],
        },
      ],
    });
    expect(parseChartTable("Index,S&P low,S&P high\nA,1,3")).toMatchObject({
      ok: true,
      series: [{ name: "S&P", points: [{ label: "A", value: 2, low: 1, high: 3 }] }],
    });
  });

  it("reads rows without a header as one unnamed series", () => {
    expect(parseChartTable("Russell 2000,18\nS&P 500,22-26")).toMatchObject({
      ok: true,
      series: [{ name: "Value", points: [{ label: "Russell 2000" }, { label: "S&P 500" }] }],
    });
  });

  it("skips empty cells of one series without dropping the row for others", () => {
    expect(parseChartTable("X,A,B\nq1,1,\nq2,,2")).toMatchObject({
      ok: true,
      series: [
        { name: "A", points: [{ label: "q1", value: 1 }] },
        { name: "B", points: [{ label: "q2", value: 2 }] },
      ],
    });
  });

  it("says what is wrong with bad input", () => {
    expect(parseChartTable("  \n")).toEqual({
      ok: false,
      error: "Nothing to read: paste rows from a spreadsheet.",
    });
    expect(parseChartTable("just one column\nand another")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/a label and at least one value/),
    });
    expect(parseChartTable("Index,Value")).toMatchObject({
      ok: false,
      error: "There are no rows of figures below the header.",
    });
    expect(parseChartTable("Index,Value\nRussell,18\nS&P,lots")).toEqual({
      ok: false,
      error: "Row 3, column “Value”: “lots” is not a number or a range like 22–26.",
    });
    expect(parseChartTable("Index,Value\n,18")).toEqual({
      ok: false,
      error: "Row 2 has no label in its first column.",
    });
    expect(parseChartTable("Index,Low,High\nA,1,")).toEqual({
      ok: false,
      error: "Row 2: “Value” has a low end but no high end.",
    });
    expect(parseChartTable("Index,Low,High\nA,5,1")).toEqual({
      ok: false,
      error: "Row 2: the low end of “Value” is above its high end.",
    });
    expect(parseChartTable("Index,A\nx,\ny,")).toEqual({
      ok: false,
      error: "No figures found: every value cell is empty.",
    });
  });
});
