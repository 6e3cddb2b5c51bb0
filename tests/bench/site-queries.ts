// Every query the site runs (each export of lib/sanity/queries.ts), with the parameters its
// pages, feeds and jobs pass, over the bench's dataset (lake-dataset.ts). Keyed by the export's
// name and checked both ways — by `satisfies` here and by tests/unit/bench/site-queries.test.ts
// (every export has a case, every case names an export, every $parameter is given) — so a new
// query cannot go unmeasured.
import * as siteQueries from "../../lib/sanity/queries.ts";
import {
  AUTHORS,
  DRAFTS,
  POSTS,
  TICKERS,
  TOPICS,
  authorId,
  authorSlug,
  postId,
  postSlug,
  tickerId,
  tickerSymbol,
  topicTitle,
} from "./lake-dataset.ts";

export type SiteQueryName = keyof typeof siteQueries;

export interface SiteQueryCase {
  /** What reads it, as a reader of the table knows it. */
  label: string;
  /** `i` is the call's number: cases that vary their parameters spread over the dataset. */
  params: (i: number, now: number) => Record<string, unknown>;
  /** The perspective it is read with (the site's published reads by default). */
  perspective?: "published" | "drafts";
}

// The sizes the site asks for: lib/sanity/posts.ts (10 a page of the latest, 20 of a list, 3
// related), lib/sanity/feed.ts
// (20), lib/sanity/search.ts (30), lib/sanity/watchlist-feed.ts (20), lib/sanity/go-live.ts (a
// day's catch-up).
const PAGE = { start: 0, end: 10 };
/** Page 1 of an author's, a ticker's or a topic's posts (POST_LIST_PAGE_SIZE). */
const LIST_PAGE = { start: 0, end: 20 };
const spread = (i: number) => (i * 7919) % POSTS;
const everyTicker = Array.from({ length: TICKERS }, (_, t) => tickerId(t)).sort();

export const SITE_QUERY_CASES = {
  latestPostsQuery: [{ label: "home: latest posts", params: () => PAGE }],
  postCountQuery: [{ label: "home: post count", params: () => ({}) }],
  postBySlugQuery: [
    { label: "article: post by slug", params: (i) => ({ slug: postSlug(spread(i)) }) },
  ],
  draftPostBySlugQuery: [
    {
      label: "draft preview: post by slug",
      params: (i) => ({ slug: postSlug(i % DRAFTS) }),
      perspective: "drafts",
    },
  ],
  relatedPostsQuery: [
    {
      label: "article: related posts",
      params: (i) => ({
        postId: postId(i),
        tickerIds: [tickerId(i % TICKERS), tickerId((i + 17) % TICKERS)],
        limit: 3,
      }),
    },
  ],
  allTickersQuery: [{ label: "tickers: all with counts", params: () => ({}) }],
  tickerBySymbolQuery: [
    { label: "ticker: by symbol", params: (i) => ({ symbol: tickerSymbol(i % TICKERS) }) },
  ],
  postsForTickerQuery: [
    {
      label: "ticker: a page of posts with notes",
      params: (i) => ({ tickerId: tickerId(i % TICKERS), ...LIST_PAGE }),
    },
  ],
  allPostSlugsQuery: [{ label: "sitemap, static params: all post slugs", params: () => ({}) }],
  allTickerSymbolsQuery: [{ label: "sitemap: all ticker symbols", params: () => ({}) }],
  searchPostsQuery: [
    {
      label: "search",
      params: () => ({ terms: ["valuations*"], symbol: "VALUATIONS", limit: 30 }),
    },
  ],
  authorBySlugQuery: [
    { label: "author: by slug", params: (i) => ({ slug: authorSlug(i % AUTHORS) }) },
  ],
  postsByAuthorQuery: [
    {
      label: "author: a page of posts",
      params: (i) => ({ authorId: authorId(i % AUTHORS), ...LIST_PAGE }),
    },
  ],
  allAuthorSlugsQuery: [{ label: "sitemap: all author slugs", params: () => ({}) }],
  allTopicTitlesQuery: [{ label: "topics: all titles", params: () => ({}) }],
  postsForTopicQuery: [
    {
      label: "topic: a page of posts",
      params: (i) => ({ title: topicTitle(i % TOPICS), ...LIST_PAGE }),
    },
  ],
  feedPostsQuery: [{ label: "feed", params: () => ({ limit: 20 }) }],
  tickerFeedPostsQuery: [
    {
      label: "ticker feed",
      params: (i) => ({ tickerId: tickerId(i % TICKERS), limit: 20 }),
    },
  ],
  topicFeedPostsQuery: [
    { label: "topic feed", params: (i) => ({ title: topicTitle(i % TOPICS), limit: 20 }) },
  ],
  authorFeedPostsQuery: [
    {
      label: "author feed",
      params: (i) => ({ authorId: authorId(i % AUTHORS), limit: 20 }),
    },
  ],
  postsForTickersQuery: [
    {
      label: "watchlist feed: one ticker",
      params: (i) => ({ tickerIds: [tickerId(i % TICKERS)], limit: 20 }),
    },
    {
      label: `watchlist feed: all ${TICKERS} tickers`,
      params: () => ({ tickerIds: everyTicker, limit: 20 }),
    },
  ],
  goLiveQuery: [
    {
      label: "go-live poll: a day's catch-up",
      params: (_, now) => ({ since: new Date(now - 24 * 3_600_000).toISOString() }),
    },
  ],
  alertPostQuery: [{ label: "email alert: the post", params: (i) => ({ id: postId(spread(i)) }) }],
} satisfies Record<SiteQueryName, SiteQueryCase[]>;

/** Every case with its query, in the order of the table above. */
export function siteQueryCases(): Array<SiteQueryCase & { name: string; query: string }> {
  const queries: Record<string, unknown> = siteQueries;
  const missing = Object.keys(queries).filter((name) => !(name in SITE_QUERY_CASES));
  if (missing.length > 0)
    throw new Error(
      `lib/sanity/queries.ts exports queries with no bench case: ${missing.join(", ")}`,
    );
  return Object.entries(SITE_QUERY_CASES).flatMap(([name, cases]) =>
    (cases as SiteQueryCase[]).map((c) => ({ ...c, name, query: queries[name] as string })),
  );
}

/** The $parameters a query refers to. */
export const paramsOf = (query: string) =>
  [...new Set([...query.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1] ?? ""))].sort();
