import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site-url";
import { tickerPath } from "@/lib/symbol-route";
import { topicPath } from "@/lib/topic-slug";

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
  const url = (path: string) => absoluteUrl(path, siteUrl);
  const newestPost = content.posts
    .map((post) => post.updatedAt)
    .sort()
    .at(-1);
  return [
    { url: url("/"), lastModified: newestPost, changeFrequency: "daily", priority: 1 },
    { url: url("/tickers"), changeFrequency: "daily", priority: 0.6 },
    ...content.posts.map((post) => ({
      url: url(`/insights/${encodeURIComponent(post.slug)}`),
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
      url: url(`/authors/${encodeURIComponent(author.slug)}`),
      lastModified: author.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.4,
    })),
    ...content.topics.map((topic) => ({
      url: url(topicPath(topic.title)),
      changeFrequency: "weekly" as const,
      priority: 0.4,
    })),
  ];
}
