import type { MetadataRoute } from "next";
import { topicSlug } from "@/lib/content/topics";
import {
  absoluteUrlFor,
  authorPath,
  homePath,
  postPath,
  tickerPath,
  tickersPath,
  topicPath,
} from "@/lib/routes";

// Every public, linkable page. Pure: app/sitemap.ts supplies the content.

export interface SitemapContent {
  posts: ReadonlyArray<{ slug: string; updatedAt: string }>;
  tickers: ReadonlyArray<{ symbol: string; updatedAt: string }>;
  authors: ReadonlyArray<{ slug: string; updatedAt: string }>;
  topics: ReadonlyArray<{ title: string }>;
}

export function buildSitemapEntries(
  content: SitemapContent,
  siteUrl: string,
): MetadataRoute.Sitemap {
  const url = (path: string) => absoluteUrlFor(path, siteUrl);
  const newestPost = content.posts
    .map((post) => post.updatedAt)
    .sort()
    .at(-1);
  return [
    { url: url(homePath), lastModified: newestPost, changeFrequency: "daily", priority: 1 },
    { url: url(tickersPath), changeFrequency: "daily", priority: 0.6 },
    ...content.posts.map((post) => ({
      url: url(postPath(post.slug)),
      lastModified: post.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
    ...content.tickers.map((ticker) => ({
      url: url(tickerPath(ticker.symbol)),
      lastModified: ticker.updatedAt,
      changeFrequency: "daily" as const,
      priority: 0.6,
    })),
    ...content.authors.map((author) => ({
      url: url(authorPath(author.slug)),
      lastModified: author.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.4,
    })),
    ...content.topics.map((topic) => ({
      url: url(topicPath(topicSlug(topic.title))),
      changeFrequency: "weekly" as const,
      priority: 0.4,
    })),
  ];
}
