import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPrivateId } from "../src/model/ids.ts";
import { startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";
import { datasetArbitrary } from "./differential/dataset.ts";
import type { Doc } from "./differential/dataset.ts";
import { queryArbitrary } from "./differential/queries.ts";
import type { DiffQuery } from "./differential/queries.ts";
import { asJson, engineAnswer, oracleAnswer, refused } from "./differential-answers.ts";

// The lake's answers against plain groq-js's over the same documents, for random app-shaped
// datasets and queries (differential/): any difference is a defect of the lake's fast paths,
// and fast-check shrinks it to a minimal dataset and query. A fixed seed and a bounded number of
// runs here; LAKE_DIFF_RUNS=20000 (and LAKE_DIFF_SEED) for a longer search (README: Tests).

const RUNS = Number(process.env.LAKE_DIFF_RUNS ?? 1000);
const SEED = Number(process.env.LAKE_DIFF_SEED ?? 14);
/** Runs through HTTP cost a write and round trips: a fraction of the in-process runs. */
const HTTP_RUNS = Math.max(20, Math.ceil(RUNS / 10));
const TIMEOUT_MS = 60_000 + RUNS * 100;

const batch = fc.array(queryArbitrary, { minLength: 1, maxLength: 6 });
const PERSPECTIVES = ["raw", "published"] as const;

/** What a perspective shows of `docs`, in groq-js's terms (drafts' overlays are not compared). */
const visible = (docs: Doc[], perspective: string) =>
  perspective === "raw" ? docs : docs.filter((doc) => !isPrivateId(doc._id));

async function expected(docs: Doc[], { query, params, oracle }: DiffQuery): Promise<unknown> {
  return oracleAnswer(docs, oracle ?? query, params);
}

/** The engine's own path, without HTTP. */
const inProcess = (docs: Doc[], perspective: string, { query, params }: DiffQuery) =>
  engineAnswer(docs, perspective, query, params);

const describeQuery = ({ query, params }: DiffQuery, perspective: string) =>
  `${perspective}: ${query} ${JSON.stringify(params)}`;

describe("differential: the lake answers as groq-js does", () => {
  it(
    "in process (the engine's evaluation, indexes and narrowing)",
    async () => {
      await fc.assert(
        fc.asyncProperty(datasetArbitrary, batch, async (docs, queries) => {
          for (const perspective of PERSPECTIVES) {
            for (const query of queries) {
              const answer = await inProcess(docs, perspective, query);
              expect(answer, describeQuery(query, perspective)).toEqual(
                await expected(visible(docs, perspective), query),
              );
            }
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  describe("over HTTP", () => {
    // One lake answers on its main thread; the other has no main-thread budget, so its reads are
    // finished by the query worker over its replica, as slow reads are.
    let lakes: TestLake[];
    beforeAll(async () => {
      lakes = [await startTestLake(), await startTestLake({ queryLimits: { mainThreadMs: 0 } })];
    });
    afterAll(async () => {
      await Promise.all(lakes.map((lake) => lake.cleanup()));
    });

    it(
      "through @sanity/client, on the main thread and in the query worker",
      async () => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(datasetArbitrary, batch, async (docs, queries) => {
            const t = lakes[run++ % lakes.length] as TestLake;
            const stored = await replaceDataset(t, docs);
            for (const perspective of PERSPECTIVES) {
              for (const query of queries) {
                let answer: unknown;
                try {
                  answer = asJson(await t.client.fetch(query.query, query.params, { perspective }));
                } catch (error) {
                  if ((error as { statusCode?: number }).statusCode !== 400) throw error;
                  answer = refused;
                }
                expect(answer, describeQuery(query, perspective)).toEqual(
                  await expected(visible(stored, perspective), query),
                );
              }
            }
          }),
          { seed: SEED, numRuns: HTTP_RUNS },
        );
      },
      TIMEOUT_MS,
    );
  });
});

/** Replaces every document in one transaction; returns them as the lake stored them, in its order. */
async function replaceDataset(t: TestLake, docs: Doc[]): Promise<Doc[]> {
  const existing = await t.client.fetch<string[]>("*._id", {}, { perspective: "raw" });
  const tx = t.client.transaction();
  for (const id of existing) tx.delete(id);
  for (const doc of docs) tx.create(doc);
  await tx.commit();
  const exported = await fetch(`${t.lake.url}/v2025-02-19/data/export/production`, {
    headers: { authorization: `Bearer ${t.token}` },
  });
  return (await exported.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Doc);
}
