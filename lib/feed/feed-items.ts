import type { TypedObject } from "@portabletext/types";
import type { FeedPostsQueryResult } from "@/lib/sanity/types";
import { absoluteUrlFor, postPath } from "@/lib/routes";
import { portableTextToHtml } from "./portable-text-html";
import type { RssItem } from "./rss";

/** Feed rows (feedPostsQuery) as RSS items; posts without a slug have no URL and are left out. */
export function toRssItems(rows: FeedPostsQueryResult, siteUrl: string): RssItem[] {
  return rows.flatMap((row) =>
    row.slug
      ? [
          {
            title: row.title ?? "Untitled",
            url: absoluteUrlFor(postPath(row.slug), siteUrl),
            publishedAt: row.publishedAt,
            summary: row.summary ?? "",
            html: portableTextToHtml(row.body as TypedObject[] | null, siteUrl),
            author: row.author?.name ?? null,
            categories: (row.tickers ?? []).flatMap((ticker) =>
              ticker?.symbol ? [ticker.symbol] : [],
            ),
          },
        ]
      : [],
  );
}
