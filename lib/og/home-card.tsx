import { CardFrame } from "./layout";
import { LatestPost } from "./latest-post";
import { CONTENT_WIDTH, TAGLINE } from "./theme";
import { fitTitle } from "./title-fit";

export type HomeCardData = { latestTitle: string | null; latestDate: string | null };

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
