import type { ChartBlock } from "@/lib/content/chart";
import type { PostCardInput } from "@/lib/og/card-data";
import {
  seedBody,
  type SeedDoc as Doc,
  seedDocs,
  seedPostDocument,
  seedTickers,
} from "../../support/seed-post";

// Card inputs shaped as lib/sanity returns them: the seed post, and variants of it.

const seedIwm = seedDocs.find((doc) => doc._id === "ticker-IWM") as Doc & {
  symbol: string;
  name: string;
  kind: "etf";
};

export const seedPost: PostCardInput = {
  title: seedPostDocument.title,
  publishedAt: seedPostDocument.publishedAt,
  tickers: seedTickers.map((ticker) => ({ symbol: ticker.symbol })),
  body: seedBody,
};

// 200 characters exactly, in words of ordinary length.
export const LONG_TITLE =
  "Small Caps, Big Questions: Why the Russell 2000’s Nine-Session Winning Streak Against the S&P 500 Could Mark the Start of a Multi-Year Rotation Away From Mega-Cap Tech as Rates Fall and Profits Spread";

export const longTitlePost: PostCardInput = { ...seedPost, title: LONG_TITLE };

// No tickers, no chart; the title uses letters from latin-ext and Vietnamese and the symbols
// market titles use, all of which must come from the bundled fonts.
export const barePost: PostCardInput = {
  title: "Złoty, forint and đồng: Łódź to Hà Nội – 3× the volume, +12% at $4.50",
  publishedAt: "2026-02-03T09:30:00.000Z",
  tickers: [],
  body: seedBody.filter((block) => block._type !== "chart"),
};

const yieldChart: ChartBlock = {
  _type: "chart",
  _key: "yield",
  title: "US 10-year Treasury yield",
  kind: "line",
  unit: "%",
  series: [
    {
      _type: "chartSeries",
      _key: "y",
      name: "Yield",
      points: [
        { _type: "chartPoint", _key: "a", label: "Oct", value: 4.6 },
        { _type: "chartPoint", _key: "b", label: "Nov", value: 4.4 },
        { _type: "chartPoint", _key: "c", label: "Dec", value: 4.5 },
        { _type: "chartPoint", _key: "d", label: "Jan", value: 4.2 },
        { _type: "chartPoint", _key: "e", label: "Feb", value: 4.1 },
        { _type: "chartPoint", _key: "f", label: "Mar", value: 3.9 },
      ],
    },
  ],
};

export const lineChartPost: PostCardInput = {
  title: "Ten-Year Yields Slide Below 4% as Inflation Cools",
  publishedAt: "2026-03-10T12:00:00.000Z",
  tickers: [{ symbol: "TLT" }, { symbol: "SPY" }],
  body: [yieldChart],
};

export const seedTicker = { symbol: seedIwm.symbol, name: seedIwm.name, kind: seedIwm.kind };
export const seedTickerCoverage = { posts: [{ title: seedPostDocument.title }], total: 1 };
export const seedLatest = {
  title: seedPostDocument.title,
  publishedAt: seedPostDocument.publishedAt,
};
