import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSearchInput } from "@/lib/content/search";
import * as siteQueries from "@/lib/sanity/queries";
import { startSeededTestLake } from "../../support/lake.ts";

// A post whose publishedAt is in the future is invisible to every query readers see. Every query
// of lib/sanity/queries.ts is run against the real lake three times: before the post exists,
// with it scheduled, and with the same post dated in the past. Scheduled, it must change no
// reader query's answer; dated in the past, it must change every one, which proves the
// parameters below reach it (without `publishedAt <= now()` the two would agree). A new query is
// a reader query unless it is named in one of the lists below.

const queries = Object.entries(siteQueries).flatMap(([name, query]: [string, unknown]) =>
  typeof query === "string" ? [{ name, query }] : [],
);

/** The queries that show a scheduled post: an editor's preview, and the go-live watch's `next`. */
const SHOW_SCHEDULED = new Set(["draftPostBySlugQuery", "goLiveQuery"]);
/** The queries that read no posts at all. */
const NO_POSTS = new Set([
  "tickerBySymbolQuery",
  "allTickerSymbolsQuery",
  "authorBySlugQuery",
  "allAuthorSlugsQuery",
]);

const SEED_POST = "post-2026-01-16-great-rotation";
const AUTHOR = "author-daily-insight-desk";
const SCHEDULED = {
  id: "post-scheduled-everywhere",
  slug: "scheduled-everywhere",
  topic: "Scheduled zephyr topic",
  future: "2099-01-01T08:00:00.000Z",
  past: "2026-02-01T08:00:00.000Z",
};
const search = parseSearchInput("zephyr");
if (search.kind !== "ok") throw new Error("zephyr is searchable");

/** Values that make every query look where the scheduled post is. */
const PARAMS: Record<string, unknown> = {
  slug: SCHEDULED.slug,
  id: SCHEDULED.id,
  postId: SEED_POST,
  symbol: "IWM",
  tickerId: "ticker-IWM",
  tickerIds: ["ticker-IWM"],
  authorId: AUTHOR,
  title: SCHEDULED.topic,
  terms: search.terms,
  limit: 100,
  start: 0,
  end: 100,
  since: "2000-01-01T00:00:00Z",
};

const paramsOf = (query: string) =>
  Object.fromEntries(
    [...new Set([...query.matchAll(/\$([a-zA-Z]\w*)/g)].map((match) => match[1] ?? ""))].map(
      (param) => {
        if (!(param in PARAMS)) throw new Error(`no value for $${param}`);
        return [param, PARAMS[param]];
      },
    ),
  );

let lake: Awaited<ReturnType<typeof startSeededTestLake>>;

/** Every query's answer now, with the instant of the lake's `now()` left out. */
async function answers(): Promise<Map<string, unknown>> {
  const entries = await Promise.all(
    queries.map(async ({ name, query }) => {
      const answer = await lake.query<unknown>(query, paramsOf(query));
      if (answer && typeof answer === "object" && "now" in answer) {
        const { now: _now, ...rest } = answer;
        return [name, rest] as const;
      }
      return [name, answer] as const;
    }),
  );
  return new Map(entries);
}

const datedAt = (publishedAt: string) => ({
  _id: SCHEDULED.id,
  _type: "post",
  title: "Zephyr rotation",
  slug: { _type: "slug", current: SCHEDULED.slug },
  publishedAt,
  author: { _type: "reference", _ref: AUTHOR },
  summary: "Small caps after the zephyr.",
  tickers: [
    {
      _key: "iwm",
      _type: "tickerMention",
      ticker: { _type: "reference", _ref: "ticker-IWM" },
      note: "Why IWM matters later.",
      position: "long",
    },
  ],
  recommendedTopics: [{ _key: "t", title: SCHEDULED.topic, description: "Later." }],
});

let before: Map<string, unknown>;
let scheduled: Map<string, unknown>;
let live: Map<string, unknown>;

beforeAll(async () => {
  lake = await startSeededTestLake();
  before = await answers();
  await lake.client.create(datedAt(SCHEDULED.future));
  scheduled = await answers();
  await lake.client.createOrReplace(datedAt(SCHEDULED.past));
  live = await answers();
});

afterAll(() => lake?.stop());

const readerQueries = queries
  .filter(({ name }) => !SHOW_SCHEDULED.has(name) && !NO_POSTS.has(name))
  .map(({ name }) => name);

describe("a post scheduled in the future", () => {
  it("leaves the listed queries to be queries of the site", () => {
    const names = new Set(queries.map(({ name }) => name));
    expect([...SHOW_SCHEDULED, ...NO_POSTS].filter((name) => !names.has(name))).toEqual([]);
    expect(readerQueries.length).toBeGreaterThan(15);
  });

  it.each(readerQueries)("is in no answer of %s, and is in it once its time has come", (name) => {
    expect(scheduled.get(name), "scheduled").toEqual(before.get(name));
    expect(live.get(name), "dated in the past").not.toEqual(before.get(name));
  });

  it.each([...SHOW_SCHEDULED])("shows in %s", (name) => {
    expect(scheduled.get(name)).not.toEqual(before.get(name));
    expect(JSON.stringify(scheduled.get(name))).toContain(
      name === "goLiveQuery" ? SCHEDULED.future.slice(0, 19) : SCHEDULED.id,
    );
  });

  it("is not announced by the go-live watch before its time", () => {
    const announced = (answer: unknown) => (answer as { live: unknown[] }).live;
    expect(announced(scheduled.get("goLiveQuery"))).toEqual(announced(before.get("goLiveQuery")));
  });

  it.each([...NO_POSTS])("is not read by %s", (name) => {
    expect(live.get(name)).toEqual(before.get(name));
  });
});
