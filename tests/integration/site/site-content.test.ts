import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allAuthorSlugsQuery,
  allPostSlugsQuery,
  allTickerSymbolsQuery,
  allTopicTitlesQuery,
  postsForTopicQuery,
  searchPostsQuery,
} from "@/lib/sanity/queries";
import type {
  AllAuthorSlugsQueryResult,
  AllPostSlugsQueryResult,
  AllTickerSymbolsQueryResult,
  AllTopicTitlesQueryResult,
  PostsForTopicQueryResult,
  SearchPostsQueryResult,
} from "@/lib/sanity/types";
import { parseSearchInput } from "@/lib/content/search";
import { buildSitemapEntries } from "@/lib/site/sitemap-entries";
import { topicSlug } from "@/lib/content/topics";
import { startSeededTestLake } from "../../support/lake.ts";

const SITE = "https://insight.example.com";
const SEED_SLUG = "the-great-rotation-russell-2000s-historic-streak-against-big-tech";

let lake: Awaited<ReturnType<typeof startSeededTestLake>>;
beforeAll(async () => {
  lake = await startSeededTestLake();
});
afterAll(() => lake.stop());

describe("search against the Content Lake", () => {
  const search = async (q: string) => {
    const input = parseSearchInput(q);
    if (input.kind !== "ok") throw new Error(`not searchable: ${q}`);
    const rows = await lake.query<SearchPostsQueryResult>(searchPostsQuery, {
      terms: input.terms,
      symbol: input.symbol,
      limit: 30,
    });
    return rows.map((row) => row.slug);
  };

  it("finds posts by title, summary and body words, prefixes included", async () => {
    expect(await search("great rotation")).toEqual([SEED_SLUG]); // title
    expect(await search("soft landing")).toEqual([SEED_SLUG]); // summary
    expect(await search("outperformance")).toEqual([SEED_SLUG]); // body only
    expect(await search("rotat")).toEqual([SEED_SLUG]); // prefix
  });

  it("finds posts by the symbols of the tickers they link", async () => {
    expect(await search("nvda")).toEqual([SEED_SLUG]);
    expect(await search("QQQ")).toEqual([SEED_SLUG]);
  });

  it("requires every term and returns nothing for unknown words", async () => {
    expect(await search("rotation zzzqqq")).toEqual([]);
    expect(await search("zzzqqq")).toEqual([]);
    expect(await search("BRK.B")).toEqual([]);
  });
});

describe("sitemap", () => {
  it("lists every page with absolute URLs", async () => {
    const [posts, tickers, authors, titles] = await Promise.all([
      lake.query<AllPostSlugsQueryResult>(allPostSlugsQuery),
      lake.query<AllTickerSymbolsQueryResult>(allTickerSymbolsQuery),
      lake.query<AllAuthorSlugsQueryResult>(allAuthorSlugsQuery),
      lake.query<AllTopicTitlesQueryResult>(allTopicTitlesQuery),
    ]);
    const entries = buildSitemapEntries(
      {
        posts: posts.flatMap((p) => (p.slug ? [{ slug: p.slug, updatedAt: p._updatedAt }] : [])),
        tickers: tickers.map((t) => ({ symbol: t.symbol, updatedAt: t._updatedAt })),
        authors: authors.flatMap((a) =>
          a.slug ? [{ slug: a.slug, updatedAt: a._updatedAt }] : [],
        ),
        topics: titles.flatMap((title) => (title ? [{ title }] : [])),
      },
      SITE,
    );
    const urls = entries.map((entry) => entry.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        `${SITE}/`,
        `${SITE}/tickers`,
        `${SITE}/insights/${SEED_SLUG}`,
        ...["AAPL", "IWM", "NVDA", "QQQ", "SPY"].map((symbol) => `${SITE}/tickers/${symbol}`),
        `${SITE}/authors/daily-insight-desk`,
        `${SITE}/topics/the-janus-effect-in-markets`,
        `${SITE}/topics/small-cap-value-vs-growth`,
      ]),
    );
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls) expect(new URL(url).origin).toBe(SITE);
    expect(entries.find((e) => e.url.endsWith(SEED_SLUG))?.lastModified).toBeTruthy();
  });
});

describe("topics", () => {
  it("derive stable slugs from titles", () => {
    expect(topicSlug('The "Janus Effect" in Markets')).toBe("the-janus-effect-in-markets");
    expect(topicSlug("Floating vs. Fixed Rate Debt")).toBe("floating-vs-fixed-rate-debt");
    expect(topicSlug("Crème & Brûlée")).toBe("creme-and-brulee");
    expect(topicSlug("???")).toBe("");
  });

  it("list the posts that recommend a topic, with the topic's description", async () => {
    const topic = await lake.query<PostsForTopicQueryResult>(postsForTopicQuery, {
      title: "Small Cap Value vs. Growth",
      start: 0,
      end: 20,
    });
    expect(topic.posts.map((row) => row.slug)).toEqual([SEED_SLUG]);
    expect(topic.total).toBe(1);
    expect(topic.description).toContain("style factor");
  });
});
