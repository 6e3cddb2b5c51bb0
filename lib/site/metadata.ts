import "server-only";
import type { Metadata } from "next";
import { SITE_FEED_TITLE } from "@/lib/feed/channels";
import { HOME_CARD_ALT, socialCardImages } from "@/lib/og/metadata";
import { env } from "@/lib/env";
import { feedPath } from "@/lib/routes";

// The site's card, by absolute URL from SITE_URL, for every page that names none of its own.
// Next links app/opengraph-image.tsx itself, but resolves that file against its own guess of the
// origin (http://localhost:PORT), not this metadataBase: the root segment has no layout of its own.
const homeCard = socialCardImages("/", HOME_CARD_ALT);

export interface FeedLink {
  url: string;
  title: string;
}

const siteFeed: FeedLink = { url: feedPath, title: SITE_FEED_TITLE };

/**
 * A page's canonical address and the RSS feeds it links (<link rel="alternate">): its own
 * first, when it has one, then the site's. Next replaces a layout's `alternates` with a page's
 * whole, so every page that names its canonical address names its feeds here too.
 */
export function pageAlternates(canonical: string, ownFeed?: FeedLink): Metadata["alternates"] {
  return {
    canonical,
    types: { "application/rss+xml": ownFeed ? [ownFeed, siteFeed] : [siteFeed] },
  };
}

/** What every reader-facing page inherits: the site's name, description, origin, feed and card. */
export const siteMetadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: "Daily Insight", template: "%s · Daily Insight" },
  description: "Daily market commentary: what moved, why, and the tickers behind it.",
  alternates: { types: { "application/rss+xml": [siteFeed] } },
  openGraph: { images: homeCard.openGraph },
  twitter: { card: "summary_large_image", images: homeCard.twitter },
};
