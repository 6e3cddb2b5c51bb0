import {
  PortableText,
  type PortableTextBlock,
  type PortableTextBlockComponent,
  type PortableTextComponents,
} from "@portabletext/react";
import { ChartFigure } from "@/components/chart/chart-figure";
import type { TickerRefMark } from "@/lib/content/body";
import { toChartData, type ChartBlock } from "@/lib/content/chart";
import { BodyLink } from "./body-link";
import { withCashtagMarks } from "./cashtags";
import type { Heading } from "./headings";
import { TickerMention, type BodyTicker } from "./ticker-mention";
import "./portable-text.css";

function sectionHeading(Tag: "h2" | "h3" | "h4", headings: ReadonlyMap<string, Heading>) {
  const Component: PortableTextBlockComponent = ({ value, children }) => {
    const heading = headings.get(value._key ?? "");
    if (!heading) return <Tag>{children}</Tag>;
    return (
      <Tag id={heading.id} className="section-heading">
        {children}{" "}
        <a className="section-heading__anchor" href={`#${heading.id}`}>
          <span aria-hidden="true">#</span>
          <span className="section-heading__anchor-label">{`Link to “${heading.text}”`}</span>
        </a>
      </Tag>
    );
  };
  Component.displayName = `SectionHeading(${Tag})`;
  return Component;
}

function bodyComponents(headings: readonly Heading[], tickers: readonly BodyTicker[]) {
  const byKey = new Map(headings.map((heading) => [heading.key, heading]));
  const byId = new Map(tickers.map((ticker) => [ticker.id, ticker]));
  const bySymbol = new Map(tickers.map((ticker) => [ticker.symbol, ticker]));
  return {
    block: {
      h2: sectionHeading("h2", byKey),
      h3: sectionHeading("h3", byKey),
      h4: sectionHeading("h4", byKey),
    },
    marks: {
      link: ({ value, children }) => <BodyLink href={value?.href}>{children}</BodyLink>,
      tickerRef: ({ value, children }) => {
        const ref = (value as TickerRefMark | undefined)?.ticker;
        if (!ref?.symbol) return <>{children}</>;
        return (
          <TickerMention symbol={ref.symbol} ticker={byId.get(ref._id ?? "")}>
            {children}
          </TickerMention>
        );
      },
      cashtag: ({ value, children }) => {
        const symbol = (value as { symbol?: string } | undefined)?.symbol;
        if (!symbol) return <>{children}</>;
        return (
          <TickerMention symbol={symbol} ticker={bySymbol.get(symbol)}>
            {children}
          </TickerMention>
        );
      },
    },
    types: {
      chart: ({ value }: { value: ChartBlock }) => <ChartFigure chart={toChartData(value)} />,
    },
  } satisfies PortableTextComponents;
}

/**
 * A post body: section headings with anchors (ids from `extractHeadings`), lists, links that
 * survive only with a safe href, ticker references and $CASHTAGS with their note cards, and
 * chart blocks drawn on the server.
 */
export function PortableBody({
  value,
  headings,
  tickers,
}: {
  value: ReadonlyArray<{ _type: string; _key?: string }>;
  headings: readonly Heading[];
  tickers: readonly BodyTicker[];
}) {
  return (
    <div className="prose">
      <PortableText
        value={withCashtagMarks(value) as PortableTextBlock[]}
        components={bodyComponents(headings, tickers)}
        onMissingComponent={false}
      />
    </div>
  );
}
