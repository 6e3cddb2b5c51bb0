import "server-only";
import type { Metadata } from "next";
import { HOME_CARD_ALT, socialCardImages } from "@/lib/og/metadata";
import { env } from "@/lib/env";

// The site's card, by absolute URL from SITE_URL, for every page that names none of its own.
// Next links app/opengraph-image.tsx itself, but resolves that file against its own guess of the
// origin (http://localhost:PORT), not this metadataBase: the root segment has no layout of its own.
const homeCard = socialCardImages("/", HOME_CARD_ALT);

/** What every reader-facing page inherits: the site's name, description, origin and card. */
export const siteMetadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: "Daily Insight", template: "%s · Daily Insight" },
  description: "Daily market commentary: what moved, why, and the tickers behind it.",
  openGraph: { images: homeCard.openGraph },
  twitter: { card: "summary_large_image", images: homeCard.twitter },
};
