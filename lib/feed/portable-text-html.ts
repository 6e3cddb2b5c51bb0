import { escapeHTML, toHTML, type PortableTextComponents } from "@portabletext/to-html";
import type { TypedObject } from "@portabletext/types";
import {
  chartLabels,
  formatPoint,
  toChartData,
  type ChartBlock,
  type ChartData,
} from "@/lib/content/chart";
import type { LinkMark, TickerRefMark } from "@/lib/content/body";
import { toAbsoluteSafeHref } from "@/lib/content/links";
import { absoluteUrlFor, tickerPath } from "@/lib/routes";

// A post body as HTML for feed readers: plain semantic markup with absolute links, no scripts or
// styles. Charts become a captioned table of their figures, which every reader can show: the
// same model the article draws (toChartData), so the feed shows exactly the points the page does.

function chartHtml(chart: ChartData): string {
  const head = `<tr><th scope="col"></th>${chart.series
    .map((series) => `<th scope="col">${escapeHTML(series.name)}</th>`)
    .join("")}</tr>`;
  const rows = chartLabels(chart)
    .map((label) => {
      const cells = chart.series.map((series) => {
        const point = series.points.find((candidate) => candidate.label === label);
        return `<td>${point ? escapeHTML(formatPoint(point, chart.unit)) : ""}</td>`;
      });
      return `<tr><th scope="row">${escapeHTML(label)}</th>${cells.join("")}</tr>`;
    })
    .join("");
  const caption = [chart.title, chart.caption].filter(Boolean).map((text) => escapeHTML(text));
  const source = chart.source ? `<p><small>Source: ${escapeHTML(chart.source)}</small></p>` : "";
  return (
    `<figure><table><caption>${caption.join(" — ")}</caption>` +
    `<thead>${head}</thead><tbody>${rows}</tbody></table>${source}</figure>`
  );
}

export function portableTextToHtml(body: readonly TypedObject[] | null, siteUrl: string): string {
  const components: PortableTextComponents = {
    types: {
      chart: ({ value }: { value: ChartBlock }) => chartHtml(toChartData(value)),
    },
    marks: {
      link: ({ value, children }: { value?: LinkMark; children: string }) => {
        const href = toAbsoluteSafeHref(value?.href);
        return href ? `<a href="${escapeHTML(href)}">${children}</a>` : children;
      },
      tickerRef: ({ value, children }: { value?: TickerRefMark; children: string }) => {
        const symbol = value?.ticker?.symbol;
        if (!symbol) return children;
        const href = absoluteUrlFor(tickerPath(symbol), siteUrl);
        return `<a href="${escapeHTML(href)}">${children}</a>`;
      },
    },
  };
  // Unknown block types are left out rather than guessed at.
  return toHTML([...(body ?? [])], { components, onMissingComponent: false });
}
