import type { ChartData } from "@/lib/content/chart";
import { CardFrame, ChipRow } from "./layout";
import { MiniChart } from "./mini-chart";
import { CONTENT_WIDTH, colors } from "./theme";
import { fitTitle } from "./title-fit";

// Cards are drawn from plain data (card-data.ts shapes it from lib/sanity): no reads here, so
// tests render exactly what the routes render.

export type PostCardData = {
  title: string;
  /** The publication day as the card shows it ("January 16, 2026"). */
  date: string | null;
  symbols: string[];
  chart: ChartData | null;
};

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
