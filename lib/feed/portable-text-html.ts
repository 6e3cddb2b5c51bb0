import { escapeHTML, toHTML, type PortableTextComponents } from "@portabletext/to-html";
import type { TypedObject } from "@portabletext/types";
import { toAbsoluteSafeHref } from "@/lib/content/links";
import { absoluteUrl } from "@/lib/site-url";
import { tickerPath } from "@/lib/symbol-route";

// A post body as HTML for feed readers: plain semantic markup with absolute links, no scripts or
// styles. Charts become a captioned table of their figures, which every reader can show.

type Point = { label?: string; value?: number; low?: number; high?: number };
type Chart = {
  _type: "chart";
  title?: string;
  caption?: string;
  unit?: string;
  source?: string;
  series?: Array<{ name?: string; points?: Point[] }>;
};
type LinkMark = { _type: "link"; href?: string };
type TickerMark = {
  _type: "tickerRef";
  ticker?: { symbol?: string | null; name?: string | null } | null;
};

function formatPoint(point: Point, unit: string): string {
  if (typeof point.low === "number" && typeof point.high === "number") {
    return `${point.low}${unit}–${point.high}${unit}`;
  }
  return typeof point.value === "number" ? `${point.value}${unit}` : "";
}

function chartHtml(chart: Chart): string {
  const unit = chart.unit ?? "";
  const series = chart.series ?? [];
  const labels = [...new Set(series.flatMap((s) => (s.points ?? []).map((p) => p.label ?? "")))];
  const head = `<tr><th scope="col"></th>${series
    .map((s) => `<th scope="col">${escapeHTML(s.name ?? "")}</th>`)
    .join("")}</tr>`;
  const rows = labels
    .map((label) => {
      const cells = series.map((s) => {
        const point = (s.points ?? []).find((p) => (p.label ?? "") === label);
        return `<td>${point ? escapeHTML(formatPoint(point, unit)) : ""}</td>`;
      });
      return `<tr><th scope="row">${escapeHTML(label)}</th>${cells.join("")}</tr>`;
    })
    .join("");
  const caption = [chart.title, chart.caption].filter(Boolean).map((t) => escapeHTML(t ?? ""));
  const source = chart.source ? `<p><small>Source: ${escapeHTML(chart.source)}</small></p>` : "";
  return (
    `<figure><table><caption>${caption.join(" — ")}</caption>` +
    `<thead>${head}</thead><tbody>${rows}</tbody></table>${source}</figure>`
  );
}

export function portableTextToHtml(body: readonly TypedObject[] | null, siteUrl: string): string {
  const components: PortableTextComponents = {
    types: {
      chart: ({ value }: { value: Chart }) => chartHtml(value),
    },
    marks: {
      link: ({ value, children }: { value?: LinkMark; children: string }) => {
        const href = toAbsoluteSafeHref(value?.href);
        return href ? `<a href="${escapeHTML(href)}">${children}</a>` : children;
      },
      tickerRef: ({ value, children }: { value?: TickerMark; children: string }) => {
        const symbol = value?.ticker?.symbol;
        if (!symbol) return children;
        const href = absoluteUrl(tickerPath(symbol), siteUrl);
        return `<a href="${escapeHTML(href)}">${children}</a>`;
      },
    },
  };
  // Unknown block types are left out rather than guessed at.
  return toHTML([...(body ?? [])], { components, onMissingComponent: false });
}
