import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  formatPoint,
  formatValue,
  niceTicks,
  toChartData,
  type ChartBlock,
} from "@/lib/content/chart";
import { ChartFigure } from "@/components/chart/chart-figure";
import { ChartTable } from "@/components/chart/chart-table";
import { seedChart } from "../../support/seed-post";

const chart = toChartData(seedChart as unknown as ChartBlock);
const render = (block: ChartBlock) =>
  renderToStaticMarkup(createElement(ChartFigure, { chart: toChartData(block) }));

/** The <g class="chart__datum"> of one label, as markup. */
function datum(html: string, label: string): string {
  const start = html.indexOf(`data-label="${label}"`);
  expect(start, label).toBeGreaterThan(-1);
  return html.slice(html.lastIndexOf("<g", start), html.indexOf("</g>", start));
}

describe("the seed chart", () => {
  it("is shaped from the chart block", () => {
    expect(chart).toEqual({
      key: "chart-forward-pe",
      title: "Forward P/E Ratio Comparison (Start of 2026)",
      caption:
        "The valuation gap between Small Caps and Large Caps reached historic levels entering 2026.",
      kind: "bar",
      unit: "x",
      source: "Consensus forward earnings estimates as cited in this analysis, start of 2026",
      series: [
        {
          key: "forward-pe",
          name: "Forward P/E",
          points: [
            { key: "russell-2000", label: "Russell 2000", value: 18 },
            { key: "sp-500", label: "S&P 500", value: 24, low: 22, high: 26 },
          ],
        },
      ],
    });
  });

  const html = renderToStaticMarkup(createElement(ChartFigure, { chart }));

  it("is a figure with a caption of title and text, and a source line", () => {
    expect(html).toMatch(
      /^<figure class="chart" data-chart-kind="bar"><figcaption class="chart__caption"><span class="chart__title">Forward P\/E Ratio Comparison \(Start of 2026\)<\/span><span class="chart__text">The valuation gap/,
    );
    expect(html).toContain(
      '<p class="chart__source">Source: Consensus forward earnings estimates as cited in this analysis, start of 2026</p></figure>',
    );
  });

  it("draws an SVG in the server HTML, named by a description of its data", () => {
    const svg = html.match(/<svg class="chart__svg"[^>]*>/)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    const labelledBy = svg.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toContain(
      `<span id="${labelledBy}" hidden="">Forward P/E Ratio Comparison (Start of 2026). Bar chart. Forward P/E: Russell 2000 18x; S&amp;P 500 22x–26x.</span>`,
    );
  });

  it("draws Russell 2000 as a bar from 0 to 18, labelled 18x", () => {
    const bar = datum(html, "Russell 2000");
    expect(bar).toContain('data-value="18"');
    expect(bar).not.toContain("data-low");
    // 0 → 3%, 30 (the last tick) → 78%: 18 ends at 48%.
    expect(bar).toMatch(/<rect class="chart__bar" x="3%" width="45%"/);
    expect(bar).toContain("<title>Russell 2000: 18x</title>");
    expect(bar).toMatch(/<text class="chart__value" x="48%"[^>]*>18x<\/text>/);
  });

  it("draws S&P 500 as a range from 22 to 26 with its midpoint marked, labelled 22x–26x", () => {
    const range = datum(html, "S&amp;P 500");
    expect(range).toContain('data-value="24" data-low="22" data-high="26"');
    expect(range).toMatch(/<rect class="chart__range" x="58%" width="10%"/);
    expect(range).toMatch(/<line class="chart__marker" x1="63%" x2="63%"/);
    expect(range).toMatch(/<text class="chart__value" x="68%"[^>]*>22x–26x<\/text>/);
  });

  it("puts the unit on the axis", () => {
    for (const tick of ["0x", "10x", "20x", "30x"]) {
      expect(html).toMatch(new RegExp(`<text class="chart__tick"[^>]*>${tick}</text>`));
    }
    expect(html).toMatch(/<text class="chart__axis-title"[^>]*>Forward P\/E \(x\)<\/text>/);
  });

  it("has the data as a table a screen reader can read", () => {
    const table = renderToStaticMarkup(createElement(ChartTable, { chart }));
    expect(html).toContain(
      `<details class="chart__data"><summary>Show data</summary>${table}</details>`,
    );
    expect(table).toContain(
      '<thead><tr><th scope="col">Label</th><th scope="col">Value</th><th scope="col">Range</th></tr></thead>',
    );
    expect(table).toContain('<tr><th scope="row">Russell 2000</th><td>18x</td><td>—</td></tr>');
    expect(table).toContain(
      '<tr><th scope="row">S&amp;P 500</th><td>24x</td><td>22x–26x</td></tr>',
    );
    expect(table).toContain("<caption");
  });
});

describe("other charts", () => {
  const lineBlock: ChartBlock = {
    _type: "chart",
    _key: "c",
    title: "Yield",
    kind: "line",
    unit: "%",
    series: [
      {
        _type: "chartSeries",
        _key: "a",
        name: "2-year",
        points: [
          { _type: "chartPoint", _key: "p1", label: "Q1", value: 4.2 },
          { _type: "chartPoint", _key: "p2", label: "Q2", value: 3.9, low: 3.5, high: 4.1 },
          { _type: "chartPoint", _key: "p3", label: "Q3", value: -0.5 },
        ],
      },
      {
        _type: "chartSeries",
        _key: "b",
        name: "10-year",
        points: [{ _type: "chartPoint", _key: "p1", label: "Q1", value: 4.5 }],
      },
    ],
  };

  it("draws line charts with a point per label, ranges as whiskers, and a legend", () => {
    const html = render(lineBlock);
    expect(html).toContain('data-kind="line"');
    expect(html.match(/class="chart__dot"/g)).toHaveLength(4);
    expect(html.match(/class="chart__line"/g)).toHaveLength(2);
    expect(html).toContain('class="chart__whisker"');
    expect(html).toMatch(/>3\.5%–4\.1%<\/text>/);
    expect(html).toMatch(/>-0\.5%<\/text>/);
    expect(html).toContain('<ul class="chart__legend" aria-hidden="true">');
    expect(html).toContain('<th scope="col">Series</th>');
  });

  it("fills areas", () => {
    const html = render({ ...lineBlock, kind: "area" });
    expect(html).toContain('data-kind="area"');
    expect(html.match(/<polygon class="chart__area"/g)).toHaveLength(2);
  });

  it("says so when there is nothing to draw, and drops points without numbers", () => {
    const html = render({
      _type: "chart",
      _key: "e",
      title: "Empty",
      series: [
        {
          _type: "chartSeries",
          _key: "s",
          name: "x",
          points: [{ _type: "chartPoint", _key: "p", label: "A" }],
        },
      ],
    });
    expect(html).toContain("No data for this chart yet.");
    expect(html).not.toContain("<svg");
  });

  it("fills a range's missing value with its midpoint and ignores an inverted range", () => {
    const data = toChartData({
      _type: "chart",
      _key: "r",
      series: [
        {
          _type: "chartSeries",
          _key: "s",
          points: [
            { _type: "chartPoint", _key: "a", label: "A", low: 2, high: 4 },
            { _type: "chartPoint", _key: "b", label: "B", value: 1, low: 5, high: 3 },
          ],
        },
      ],
    });
    expect(data.series[0]?.points).toEqual([
      { key: "a", label: "A", value: 3, low: 2, high: 4 },
      { key: "b", label: "B", value: 1 },
    ]);
    expect(data.kind).toBe("bar");
    expect(data.title).toBe("Chart");
  });
});

describe("chart helpers", () => {
  it.each([
    [18, "x", "18x"],
    [5.8, "%", "5.8%"],
    [1234.567, "", "1,234.57"],
    [3, "bn", "3 bn"],
    [-2, "$", "-$2"],
  ])("formats %s %j as %j", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it("formats a range point as its range", () => {
    expect(formatPoint({ key: "k", label: "S&P 500", value: 24, low: 22, high: 26 }, "x")).toBe(
      "22x–26x",
    );
  });

  it.each([
    [
      [18, 22, 26],
      [0, 10, 20, 30],
    ],
    [
      [0.3, 0.9],
      [0, 0.25, 0.5, 0.75, 1],
    ],
    [
      [-3, 7],
      [-5, -2.5, 0, 2.5, 5, 7.5],
    ],
    [[0], [0, 0.25, 0.5, 0.75, 1]],
  ])("ticks for %j are %j", (values, ticks) => {
    expect(niceTicks(values)).toEqual(ticks);
  });
});
