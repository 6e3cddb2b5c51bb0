import { isChartBlock, toChartData } from "@/lib/content/chart";
import type { Post } from "@/lib/sanity/posts";
import type { Ticker, TickerPost } from "@/lib/sanity/tickers";
import type { HomeCardData } from "./home-card";
import type { PostCardData } from "./post-card";
import type { TickerCardData } from "./ticker-card";
import { formatCardDate } from "./theme";

// lib/sanity's shapes → what the cards draw. Pure, so tests feed it fixtures.

/** What a post card needs of a Post (lib/sanity/posts.ts); a Post is one. */
export type PostCardInput = Pick<Post, "title" | "publishedAt"> & {
  tickers: ReadonlyArray<{ symbol: string }>;
  body: ReadonlyArray<{ _type: string }>;
};

export function toPostCardData(post: PostCardInput): PostCardData {
  // The first chart of the body is the post's headline figure.
  const block = post.body.find(isChartBlock);
  const chart = block ? toChartData(block) : null;
  return {
    title: post.title,
    date: formatCardDate(post.publishedAt),
    symbols: post.tickers.map((ticker) => ticker.symbol),
    chart: chart && chart.series.length > 0 ? chart : null,
  };
}

export function toTickerCardData(
  ticker: Pick<Ticker, "symbol" | "name" | "kind">,
  /** The first page of its coverage (newest first) and how many posts cover it in all. */
  coverage: { posts: readonly Pick<TickerPost, "title">[]; total: number },
): TickerCardData {
  return {
    symbol: ticker.symbol,
    name: ticker.name,
    kind: ticker.kind ?? null,
    postCount: coverage.total,
    latestTitle: coverage.posts[0]?.title ?? null,
  };
}

export function toHomeCardData(
  latest: { title: string; publishedAt: string | null } | undefined,
): HomeCardData {
  return {
    latestTitle: latest?.title ?? null,
    latestDate: formatCardDate(latest?.publishedAt),
  };
}
