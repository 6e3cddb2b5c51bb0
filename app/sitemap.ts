import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { listAuthorSlugs } from "@/lib/sanity/authors";
import { listPostSlugs } from "@/lib/sanity/posts";
import { listTickerSymbols } from "@/lib/sanity/tickers";
import { listTopics } from "@/lib/sanity/topics";
import { buildSitemapEntries } from "@/lib/site/sitemap-entries";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [posts, tickers, authors, topics] = await Promise.all([
    listPostSlugs(),
    listTickerSymbols(),
    listAuthorSlugs(),
    listTopics(),
  ]);
  return buildSitemapEntries({ posts, tickers, authors, topics }, env.SITE_URL);
}
