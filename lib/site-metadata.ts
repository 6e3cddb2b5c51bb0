import "server-only";
import type { Metadata } from "next";
import { env } from "./env";

/** What every reader-facing page inherits: the site's name, description and origin. */
export const siteMetadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: "Daily Insight", template: "%s · Daily Insight" },
  description: "Daily market commentary: what moved, why, and the tickers behind it.",
};
