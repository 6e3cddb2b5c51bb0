import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toChartData, type ChartBlock, type ChartData } from "@/lib/content/chart";
import { ChartFigure } from "@/components/chart/chart-figure";
import { hasRanges, toInteractiveRows } from "@/components/chart/interactive-rows";
import { seedChart } from "../../support/seed-post";

const seed = toChartData(seedChart as unknown as ChartBlock);

describe("the interactive chart's rows", () => {
  it("keep the seed chart's S&P 500 range a range and the Russell 2000 a bar from zero", () => {
    expect(toInteractiveRows(seed)).toEqual([
      { label: "Russell 2000", s0: 18, s0range: [0, 18], s0readout: "18x" },
      { label: "S&P 500", s0: 24, s0range: [22, 26], s0readout: "22x–26x" },
    ]);
    expect(hasRanges(seed)).toBe(true);
  });

  it("line up several series by label, leaving a series' missing labels out", () => {
    const chart: ChartData = {
      ...seed,
      kind: "line",
      unit: "%",
      series: [
        {
          key: "a",
          name: "A",
          points: [
            { key: "1", label: "Jan", value: 1.5 },
            { key: "2", label: "Feb", value: -2 },
          ],
        },
        { key: "b", name: "B", points: [{ key: "3", label: "Feb", value: 3 }] },
      ],
    };
    expect(toInteractiveRows(chart)).toEqual([
      { label: "Jan", s0: 1.5, s0range: [0, 1.5], s0readout: "1.5%" },
      {
        label: "Feb",
        s0: -2,
        s0range: [-2, 0],
        s0readout: "-2%",
        s1: 3,
        s1range: [0, 3],
        s1readout: "3%",
      },
    ]);
    expect(hasRanges(chart)).toBe(false);
  });
});

describe("the chart figure", () => {
  it("serves the SVG in the HTML with a button to explore it, and no recharts markup", () => {
    const html = renderToStaticMarkup(createElement(ChartFigure, { chart: seed }));
    expect(html).toContain('<svg class="chart__svg"');
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Explore this chart<\/button>/);
    expect(html).not.toContain("recharts");
  });
});
