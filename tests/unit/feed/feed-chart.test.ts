import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartFigure } from "@/components/chart/chart-figure";
import { toChartData, type ChartBlock } from "@/lib/content/chart";
import { portableTextToHtml } from "@/lib/feed/portable-text-html";

// The feed's table of a chart and the article's figure come from the same model (toChartData):
// a point the article cannot draw is not in the feed either.

const chart: ChartBlock = {
  _type: "chart",
  _key: "c",
  title: "Forward P/E",
  unit: "x",
  series: [
    {
      _type: "chartSeries",
      _key: "s",
      name: "P/E",
      points: [
        { _type: "chartPoint", _key: "a", label: "Kept", value: 18 },
        { _type: "chartPoint", _key: "b", label: "No figure" },
        { _type: "chartPoint", _key: "c", label: "Inverted", low: 26, high: 22 },
        { _type: "chartPoint", _key: "d", value: 777 },
      ],
    },
    {
      _type: "chartSeries",
      _key: "empty",
      name: "Nothing to draw",
      points: [{ _type: "chartPoint", _key: "e", label: "Kept" }],
    },
  ],
};

const feedHtml = portableTextToHtml([chart], "https://insight.example.com");
const pageHtml = renderToStaticMarkup(createElement(ChartFigure, { chart: toChartData(chart) }));

describe("a chart in the feed", () => {
  it("shows the points the article draws", () => {
    expect(pageHtml).toContain('data-label="Kept"');
    expect(feedHtml).toContain('<tr><th scope="row">Kept</th><td>18x</td></tr>');
  });

  it("leaves out the points and series the article drops", () => {
    for (const dropped of ["No figure", "Inverted", "777", "Nothing to draw"]) {
      expect(pageHtml, dropped).not.toContain(dropped);
      expect(feedHtml, dropped).not.toContain(dropped);
    }
  });

  it("writes values as the article does", () => {
    const rangeChart: ChartBlock = {
      ...chart,
      series: [
        {
          _type: "chartSeries",
          _key: "r",
          name: "Range",
          points: [
            { _type: "chartPoint", _key: "r", label: "S&P 500", low: 22, high: 26 },
            { _type: "chartPoint", _key: "t", label: "Big", value: 1234.567 },
          ],
        },
      ],
    };
    const withRange = portableTextToHtml([rangeChart], "https://insight.example.com");
    expect(withRange).toContain("<td>22x–26x</td>");
    expect(withRange).toContain("<td>1,234.57x</td>");
  });
});
