import type { CSSProperties } from "react";
import type { ChartData } from "@/components/chart/chart-data";
import { CardFrame, ChipRow, Eyebrow } from "./layout";
import { MiniChart } from "./mini-chart";
import { CONTENT_WIDTH, colors, TAGLINE } from "./theme";
import { fitTitle } from "./title-fit";

// The three cards, drawn from plain data (card-data.ts shapes it from lib/sanity): no reads
// here, so tests render exactly what the routes render.

export type PostCardData = {
  title: string;
  /** The publication day as the card shows it ("January 16, 2026"). */
  date: string | null;
  symbols: string[];
  chart: ChartData | null;
};

export type TickerCardData = {
  symbol: string;
  name: string;
  kind: string | null;
  postCount: number;
  latestTitle: string | null;
};

export type HomeCardData = { latestTitle: string | null; latestDate: string | null };

const CHART_HEIGHT = 172;
const TITLE_LINE_HEIGHT = 1.14;

// Lines break between words and, as in browsers, after the hyphen of a compound ("Mega-" /
// "Cap"); never inside a word. (Inter's subsets have no non-breaking hyphen, U+2011.)
function Title({ text, fontSize }: { text: string; fontSize: number }) {
  return (
    <div
      style={{
        display: "block",
        fontSize,
        fontWeight: 700,
        lineHeight: TITLE_LINE_HEIGHT,
        letterSpacing: fontSize > 48 ? -1.5 : -0.5,
        color: colors.text,
        textWrap: "balance",
      }}
    >
      {text}
    </div>
  );
}

export function PostCard({ title, date, symbols, chart }: PostCardData) {
  const hasChart = chart !== null && chart.series.length > 0;
  // Below the header: 630 − 10 (rule) − 46 − 56 (padding) − 52 (header) − 32 (gap) = 434 px.
  const footer = hasChart ? CHART_HEIGHT : symbols.length > 0 ? 52 : 0;
  const fitted = fitTitle(title, {
    width: CONTENT_WIDTH,
    height: 434 - footer - (footer > 0 ? 28 : 0),
    sizes: [72, 64, 58, 52, 46, 42, 38, 34],
    lineHeight: TITLE_LINE_HEIGHT,
  });
  return (
    <CardFrame aside={date}>
      <div style={{ display: "flex", flexGrow: 1, alignItems: "center" }}>
        <Title {...fitted} />
      </div>
      {footer > 0 ? (
        <div
          style={{
            display: "flex",
            alignItems: "flex-end",
            justifyContent: "space-between",
            gap: 32,
            marginTop: 28,
          }}
        >
          <ChipRow symbols={symbols} max={hasChart ? 4 : 8} />
          {hasChart ? <MiniChart chart={chart} width={560} height={CHART_HEIGHT} /> : null}
        </div>
      ) : null}
    </CardFrame>
  );
}

const KIND_LABEL: Record<string, string> = {
  etf: "ETF",
  stock: "Stock",
  index: "Index",
  fund: "Fund",
};

export function TickerCard({ symbol, name, kind, postCount, latestTitle }: TickerCardData) {
  const coverage =
    postCount === 0 ? "No insights yet" : postCount === 1 ? "1 insight" : `${postCount} insights`;
  const symbolSize = symbol.length > 6 ? 96 : 128;
  const nameFit = fitTitle(name, {
    width: CONTENT_WIDTH,
    height: 100,
    sizes: [48, 42, 36, 32],
    lineHeight: 1.15,
  });
  const latestFit = latestTitle
    ? fitTitle(latestTitle, {
        width: CONTENT_WIDTH,
        height: 78,
        sizes: [32, 28, 26],
        lineHeight: 1.2,
      })
    : null;
  return (
    <CardFrame aside={[KIND_LABEL[kind ?? ""], coverage].filter(Boolean).join(" · ")}>
      <div
        style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }}
      >
        <div
          style={{
            display: "flex",
            fontSize: symbolSize,
            fontWeight: 700,
            lineHeight: 1,
            letterSpacing: -3,
            color: colors.accent,
          }}
        >
          {symbol}
        </div>
        <div style={{ display: "flex", marginTop: 16 }}>
          <div
            style={{
              display: "block",
              fontSize: nameFit.fontSize,
              fontWeight: 700,
              lineHeight: 1.15,
            }}
          >
            {nameFit.text}
          </div>
        </div>
      </div>
      {latestFit ? (
        <LatestPost eyebrow="Latest insight" fit={latestFit} titleStyle={{ color: colors.text }} />
      ) : null}
    </CardFrame>
  );
}

export function HomeCard({ latestTitle, latestDate }: HomeCardData) {
  const latestFit = latestTitle
    ? fitTitle(latestTitle, {
        width: CONTENT_WIDTH,
        height: 120,
        sizes: [40, 36, 32, 28],
        lineHeight: 1.2,
      })
    : null;
  return (
    <CardFrame>
      <div
        style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center" }}
      >
        <div
          style={{
            display: "block",
            fontSize: 60,
            fontWeight: 700,
            lineHeight: 1.12,
            letterSpacing: -1.5,
            textWrap: "balance",
          }}
        >
          {TAGLINE}
        </div>
      </div>
      {latestFit ? (
        <LatestPost
          eyebrow={latestDate ? `Latest · ${latestDate}` : "Latest"}
          fit={latestFit}
          titleStyle={{ fontWeight: 700 }}
        />
      ) : null}
    </CardFrame>
  );
}

/** The latest post's title under a rule, as the ticker and home cards end. */
function LatestPost({
  eyebrow,
  fit,
  titleStyle,
}: {
  eyebrow: string;
  fit: { text: string; fontSize: number };
  titleStyle: CSSProperties;
}) {
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        gap: 8,
        paddingTop: 22,
        borderTop: `2px solid ${colors.border}`,
      }}
    >
      <Eyebrow>{eyebrow}</Eyebrow>
      <div style={{ display: "block", fontSize: fit.fontSize, lineHeight: 1.2, ...titleStyle }}>
        {fit.text}
      </div>
    </div>
  );
}
