import "server-only";
import { cardPath } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site/absolute-url";
import { CARD_CONTENT_TYPE, CARD_SIZE } from "./theme";

// The og:image and twitter:image of a page whose card route lives outside the (site) group
// (app/insights/[slug], app/tickers/[symbol]): Next links a card file only to pages in its own
// segment tree, so these pages name their card themselves, by absolute URL:
//   const card = socialCardImages(postPath(slug), post.title);
//   openGraph: { …, images: card.openGraph },
//   twitter: { card: "summary_large_image", images: card.twitter },

export const HOME_CARD_ALT = "Daily Insight: daily market commentary, with the latest post's title";

export function socialCardImages(pagePath: string, alt: string) {
  const image = (name: "opengraph-image" | "twitter-image") => ({
    url: absoluteUrl(cardPath(pagePath, name)),
    width: CARD_SIZE.width,
    height: CARD_SIZE.height,
    type: CARD_CONTENT_TYPE,
    alt,
  });
  return { openGraph: [image("opengraph-image")], twitter: [image("twitter-image")] };
}
