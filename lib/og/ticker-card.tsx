import { CardFrame } from "./layout";
import { LatestPost } from "./latest-post";
import { CONTENT_WIDTH, colors } from "./theme";
import { fitTitle } from "./title-fit";

export type TickerCardData = {
  symbol: string;
  name: string;
  kind: string | null;
  postCount: number;
  latestTitle: string | null;
};

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
