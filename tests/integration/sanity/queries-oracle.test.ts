import { evaluate, parse } from "groq-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as siteQueries from "@/lib/sanity/queries";
import { startTestLake, type TestLake } from "../../support/lake.ts";

// A differential test of the local lake's query engine (its indexes, compiled filters and
// sliced orders are hand-written optimisations) against groq-js, the reference: every query
// the site runs, one case each, over the seed plus posts that vary what the queries filter,
// order and slice by (missing slugs and dates, ties, scheduled posts, drafts).

const queries: Array<[string, string]> = Object.entries(siteQueries).flatMap(
  ([name, query]: [string, unknown]) => (typeof query === "string" ? [[name, query]] : []),
);

const AUTHOR = "author-daily-insight-desk";
const SYMBOLS = ["IWM", "AAPL", "NVDA", "SPY", "QQQ"];

/** Values for every parameter the site's queries take. */
const PARAMS: Record<string, unknown> = {
  slug: "post-3",
  symbol: "IWM",
  tickerId: "ticker-IWM",
  tickerIds: ["ticker-IWM", "ticker-SPY"],
  postId: "post-3",
  id: "post-3",
  authorId: AUTHOR,
  terms: ["rally*", "rotation*"],
  limit: 5,
  start: 1,
  end: 6,
  title: "Small Cap Value vs. Growth",
  since: "2026-01-03T00:00:00Z",
};

/** Where one query needs another value than PARAMS' to find something. */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  authorBySlugQuery: { slug: "daily-insight-desk" },
};

const paramsOf = (name: string, query: string) =>
  Object.fromEntries(
    [...new Set([...query.matchAll(/\$([a-zA-Z]\w*)/g)].map((match) => match[1] ?? ""))].map(
      (param) => [param, OVERRIDES[name]?.[param] ?? PARAMS[param]],
    ),
  );

let lake: TestLake;
let published: unknown[];

beforeAll(async () => {
  lake = await startTestLake({ seed: true });
  const tx = lake.client.transaction();
  for (let i = 0; i < 24; i++) {
    const tickers = [SYMBOLS[i % 5], SYMBOLS[(i * 3) % 5]].filter(
      (symbol, index, all) => all.indexOf(symbol) === index,
    );
    tx.create({
      _id: `post-${i}`,
      _type: "post",
      title: `Small caps rally ${i}`,
      summary: i % 4 === 0 ? "A rotation out of big tech" : `Summary ${i}`,
      slug: i % 6 === 5 ? undefined : { _type: "slug", current: `post-${i}` },
      // Repeated days (ties), missing dates, and one scheduled in the future.
      publishedAt:
        i === 7
          ? "2099-01-01T08:00:00Z"
          : i % 8 === 3
            ? undefined
            : `2026-01-${String((i % 9) + 1).padStart(2, "0")}T08:00:00Z`,
      author: i % 3 === 0 ? { _type: "reference", _ref: AUTHOR } : undefined,
      tickers: tickers.map((symbol) => ({
        _key: `k${symbol}`,
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: `ticker-${symbol}` },
        note: `why ${symbol}`,
        position: i % 2 ? "long" : "none",
      })),
      recommendedTopics:
        i % 5 === 0
          ? [{ _key: "t", title: "Small Cap Value vs. Growth", description: `Topic ${i}` }]
          : [],
    });
  }
  tx.create({
    _id: "drafts.post-2",
    _type: "post",
    title: "Draft rally",
    slug: { current: "post-2" },
  });
  await tx.commit();
  const all = await lake.client.fetch<Array<{ _id: string }>>("*", {}, { perspective: "raw" });
  published = all.filter((doc) => !doc._id.startsWith("drafts.") && !doc._id.includes("."));
});

afterAll(async () => {
  await lake?.stop();
});

describe("the lake answers the site's queries as groq-js does", () => {
  it("covers every query of lib/sanity/queries.ts", () => {
    expect(queries.length).toBeGreaterThan(10);
  });

  it.each(queries)("%s", async (name, query) => {
    const params = paramsOf(name, query);
    const expected = await (
      await evaluate(parse(query, { params }), { dataset: published, params })
    ).get();
    const answered = await lake.anonymousClient.fetch(query, params, { perspective: "published" });
    // now() is each evaluation's own instant: it is compared as an instant near the other.
    if (isRecord(answered) && isRecord(expected) && "now" in expected) {
      expect(
        Math.abs(Date.parse(String(answered.now)) - Date.parse(String(expected.now))),
      ).toBeLessThan(5_000);
      answered.now = expected.now;
    }
    expect(answered).toEqual(expected);
  });
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
