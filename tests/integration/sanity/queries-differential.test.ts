import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as siteQueries from "@/lib/sanity/queries";
import { isPrivateId } from "../../../packages/lake/src/model/ids.ts";
import {
  AUTHOR_IDS,
  datasetArbitrary,
  DATES,
  MISSING_ID,
  POST_IDS,
  SYMBOLS,
  TICKER_IDS,
  TOPIC_TITLES,
  WORDS,
  type Doc,
} from "../../../packages/lake/tests/differential/dataset.ts";
import { engineAnswer, oracleAnswer } from "../../../packages/lake/tests/differential-answers.ts";

// The lake's engine against plain groq-js for every query the site runs, imported from
// lib/sanity/queries.ts (never copied, so never stale), over the lake package's random
// app-shaped datasets (drafts, versions, weak and missing references, ties, missing and
// mixed-type fields) with random parameters and a fixed clock drawn among the posts' dates, so
// `publishedAt <= now()` and goLiveQuery's `now()` are exercised before, between and after the
// posts' times (the engine is given the clock; over HTTP it reads its own). fast-check
// shrinks any difference to a minimal dataset. A fixed seed and a bounded number of runs here;
// APP_DIFF_RUNS (and APP_DIFF_SEED) for a longer search.

const RUNS = Number(process.env.APP_DIFF_RUNS ?? 200);
const SEED = Number(process.env.APP_DIFF_SEED ?? 14);
const PERSPECTIVES = ["published", "raw"] as const;

const queries = Object.entries(siteQueries as Record<string, unknown>).flatMap(([name, query]) =>
  typeof query === "string" ? [{ name, query }] : [],
);

const ids = (values: string[]) => fc.array(fc.constantFrom(...values), { maxLength: 4 });
const term = fc.oneof(
  fc.constantFrom(...WORDS).map((word) => word.toLowerCase()),
  fc.constantFrom(...WORDS).map((word) => `${word.toLowerCase().slice(0, 3)}*`),
);

/** Values for every parameter the site's queries take; a new one fails the test until added. */
const PARAMS: Record<string, fc.Arbitrary<unknown>> = {
  slug: fc.constantFrom("a", "b", "c", "ana", "bo"),
  symbol: fc.constantFrom(...SYMBOLS),
  tickerId: fc.constantFrom(...TICKER_IDS, MISSING_ID),
  tickerIds: ids([...TICKER_IDS, MISSING_ID]),
  postId: fc.constantFrom(...POST_IDS),
  id: fc.constantFrom(...POST_IDS, "drafts.p1"),
  authorId: fc.constantFrom(...AUTHOR_IDS, MISSING_ID),
  title: fc.constantFrom(...TOPIC_TITLES),
  terms: fc.array(term, { maxLength: 3 }),
  limit: fc.integer({ min: 0, max: 5 }),
  start: fc.integer({ min: 0, max: 3 }),
  end: fc.integer({ min: 0, max: 6 }),
  since: fc.constantFrom(...DATES, "2025-12-31T00:00:00Z"),
};

const paramNames = (query: string) => [
  ...new Set([...query.matchAll(/\$([A-Za-z_]\w*)/g)].map((match) => match[1] ?? "")),
];

/** Parameters for every query at once, each drawn as its pages would pass it. */
const paramsArbitrary = fc.record(
  Object.fromEntries(
    queries.map(({ name, query }) => [
      name,
      fc.record(
        Object.fromEntries(
          // A parameter without values is reported by the first test below.
          paramNames(query).map((param) => [param, PARAMS[param] ?? fc.constant(null)]),
        ),
      ),
    ]),
  ),
);

/** Before, at and between the dataset's dates (DATES), and after them. */
const clockArbitrary = fc
  .constantFrom("2025-12-31T00:00:00Z", ...DATES, "2026-01-02T00:00:00Z", "2026-02-01T00:00:00Z")
  .map((at) => new Date(at));

/** Plain groq-js over what the perspective shows, at the clock `now`. */
const groqJs = (docs: Doc[], query: string, params: object, now: Date) =>
  oracleAnswer(docs, query, params as Record<string, unknown>, now);

/** The lake's own path: prepareQuery, the view's indexes, narrowing and compiled filters. */
const lake = (docs: Doc[], perspective: string, query: string, params: object, now: Date) =>
  engineAnswer(docs, perspective, query, params as Record<string, unknown>, now);

describe("the lake answers every site query as groq-js does", () => {
  it("finds values for each query's parameters", () => {
    expect(queries.length).toBeGreaterThan(20);
    for (const { query } of queries)
      for (const param of paramNames(query)) expect(PARAMS, param).toHaveProperty(param);
  });

  it(
    "over random app-shaped datasets, at a fixed clock",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          datasetArbitrary,
          paramsArbitrary,
          clockArbitrary,
          async (docs, params, now) => {
            for (const perspective of PERSPECTIVES) {
              const visible =
                perspective === "raw" ? docs : docs.filter((doc) => !isPrivateId(doc._id));
              for (const { name, query } of queries) {
                const given = JSON.parse(JSON.stringify(params[name])) as object;
                expect(
                  await lake(docs, perspective, query, given, now),
                  `${perspective} ${name} ${JSON.stringify(given)} at ${now.toISOString()}`,
                ).toEqual(await groqJs(visible, query, given, now));
              }
            }
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    },
    60_000 + RUNS * 200,
  );
});
