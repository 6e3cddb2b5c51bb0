import "server-only";
import { sanityFetch } from "./fetch";
import { toPostLink } from "./posts";
import { postsForTickersQuery } from "./queries";
import { tags } from "./tags";
import { listTickers } from "./tickers";
import type { PostsForTickersQueryResult } from "./types";

// "Your feed": what we published about the tickers a reader watches. Symbols come from the
// reader's watchlists (lib/watchlists/lists.ts); only published content is read here.

export const WATCHLIST_FEED_LIMIT = 20;

function toFeedPost(row: PostsForTickersQueryResult[number]) {
  const link = toPostLink(row);
  if (!link) return [];
  const notes = (row.notes ?? []).flatMap(({ _key, note, ticker }) =>
    ticker?.symbol
      ? [{ key: _key, symbol: ticker.symbol, name: ticker.name ?? ticker.symbol, note: note ?? "" }]
      : [],
  );
  return [{ ...link, notes }];
}

export type WatchlistFeedPost = ReturnType<typeof toFeedPost>[number];

/** The latest posts that link any of `symbols`, newest first, each with its notes on them. */
export async function listPostsForSymbols(
  symbols: readonly string[],
  limit: number = WATCHLIST_FEED_LIMIT,
): Promise<WatchlistFeedPost[]> {
  if (symbols.length === 0) return [];
  const wanted = new Set(symbols);
  // Sorted, so that every reader watching the same tickers shares one cache entry.
  const tickerIds = (await listTickers())
    .filter((ticker) => wanted.has(ticker.symbol))
    .map((ticker) => ticker.id)
    .sort();
  if (tickerIds.length === 0) return [];
  const rows = await sanityFetch({
    query: postsForTickersQuery,
    params: { tickerIds, limit },
    tags: [tags.posts, ...tickerIds.map(tags.ticker)],
  });
  return rows.flatMap(toFeedPost);
}
