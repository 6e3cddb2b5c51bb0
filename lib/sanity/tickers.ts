import "server-only";
import { notFound } from "next/navigation";
import { sanityFetch } from "./fetch";
import { readListPage, toPostLink } from "./posts";
import {
  allTickerSymbolsQuery,
  allTickersQuery,
  postsForTickerQuery,
  tickerBySymbolQuery,
} from "./queries";
import { tags } from "./tags";
import type { PostsForTickerQueryResult, TickerBySymbolQueryResult } from "./types";

// Tickers as the app uses them; see posts.ts for why results are reshaped here.

function toTicker(row: NonNullable<TickerBySymbolQueryResult>, symbol: string) {
  return {
    id: row._id,
    symbol: row.symbol ?? symbol,
    name: row.name ?? row.symbol ?? symbol,
    kind: row.kind,
    exchange: row.exchange,
    description: row.description,
  };
}

function toTickerPost(row: PostsForTickerQueryResult["posts"][number]) {
  const link = toPostLink(row);
  /** `note`: why this ticker matters in that post; `position`: the author's in the ticker. */
  return link ? [{ ...link, note: row.note ?? "", position: row.position ?? null }] : [];
}

export type Ticker = ReturnType<typeof toTicker>;
export type TickerPost = ReturnType<typeof toTickerPost>[number];

/** Symbols are stored upper case (BRK.B); URLs may not be. */
export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

/** All tickers, by symbol, each with how many posts link it. */
export async function listTickers() {
  const { tickers, postTickerIds } = await sanityFetch({
    query: allTickersQuery,
    tags: [tags.tickers, tags.posts],
  });
  const postCounts = new Map<string, number>();
  for (const ids of postTickerIds) {
    for (const id of ids ?? []) if (id) postCounts.set(id, (postCounts.get(id) ?? 0) + 1);
  }
  return tickers.map((row) => ({
    id: row._id,
    symbol: row.symbol,
    name: row.name ?? row.symbol,
    kind: row.kind,
    postCount: postCounts.get(row._id) ?? 0,
  }));
}

export type TickerListItem = Awaited<ReturnType<typeof listTickers>>[number];

export async function getTickerBySymbol(symbol: string): Promise<Ticker | null> {
  const normalized = normalizeSymbol(symbol);
  const row = await sanityFetch({
    query: tickerBySymbolQuery,
    params: { symbol: normalized },
    tags: [tags.ticker(normalized)],
  });
  return row ? toTicker(row, normalized) : null;
}

export async function getTickerBySymbolOrNotFound(symbol: string): Promise<Ticker> {
  return (await getTickerBySymbol(symbol)) ?? notFound();
}

/**
 * One page of the posts that link this ticker, newest first, each with its note on the ticker,
 * and how many there are. Keyed by id because the webhook of a post names the ids of the
 * tickers it links (before and after).
 */
export async function listPostsForTicker(tickerId: string, { page = 1 } = {}) {
  const { posts, ...list } = await readListPage(
    (slice) =>
      sanityFetch({
        query: postsForTickerQuery,
        params: { tickerId, ...slice },
        tags: [tags.ticker(tickerId)],
      }),
    page,
  );
  return { ...list, posts: posts.flatMap(toTickerPost) };
}

/** Every ticker's symbol, for static params and the sitemap. */
export async function listTickerSymbols() {
  const rows = await sanityFetch({ query: allTickerSymbolsQuery, tags: [tags.tickers] });
  return rows.map((row) => ({ symbol: row.symbol, updatedAt: row._updatedAt }));
}
