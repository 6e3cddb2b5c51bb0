// The one way the app's tests, the e2e server and the benchmarks start a real local lake
// (@daily-insight/lake): on a free port or a given one, with fresh data, a random token, and
// the site's webhook contract for any webhook target. The lake package tests itself with its
// own fixture (packages/lake/tests/fixture.ts).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startLake, type Lake, type LakeOptions } from "@daily-insight/lake";
import type { SanityClient } from "@sanity/client";
import { revalidateWebhook } from "../../lib/sanity/webhook-contract.ts";
import { localLakeClient, startSeededLake } from "../../scripts/seeded-lake.ts";

export { localLakeClient };

export const randomToken = () => randomBytes(32).toString("base64url");

export interface TestLake {
  lake: Lake;
  url: string;
  /** With the token, without the client's retries (tests want the first failure). */
  client: SanityClient;
  anonymousClient: SanityClient;
  dataDir: string;
  token: string;
  /** How many seed documents were written (0 unless `seed`). */
  seeded: number;
  /** Closes the lake and removes its data (unless the caller gave `dataDir`). */
  stop(): Promise<void>;
}

export interface TestLakeOptions extends Omit<Partial<LakeOptions>, "webhooks"> {
  /** Import the seed content first (sanity/seed), as `npm run dev` does on an empty dataset. */
  seed?: boolean;
  /** URLs of webhook targets (the site's /api/revalidate), sent the site's filter and projection. */
  webhookUrls?: string[];
}

/** A real lake in this process: fresh data (a temporary folder unless `dataDir`), a random token. */
export async function startTestLake(options: TestLakeOptions = {}): Promise<TestLake> {
  const { seed = false, webhookUrls = [], ...lakeOptions } = options;
  const ownDir = lakeOptions.dataDir === undefined;
  const dataDir = lakeOptions.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "lake-test-")));
  const token = lakeOptions.token ?? randomToken();
  const start: LakeOptions = {
    port: 0,
    ...lakeOptions,
    dataDir,
    token,
    webhooks: webhookUrls.map(revalidateWebhook),
  };
  const { lake, seeded } = seed
    ? await startSeededLake(start)
    : { lake: await startLake(start), seeded: 0 };
  const stop = async () => {
    await lake.close();
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
  };
  return {
    lake,
    url: lake.url,
    client: localLakeClient(lake.url, token).withConfig({ maxRetries: 0 }),
    anonymousClient: localLakeClient(lake.url).withConfig({ maxRetries: 0 }),
    dataDir,
    token,
    seeded,
    stop,
  };
}

/** A seeded lake (startTestLake with `seed`), with a runner for the site's queries as readers see them. */
export async function startSeededTestLake(): Promise<
  TestLake & { query: <T>(query: string, params?: Record<string, unknown>) => Promise<T> }
> {
  const lake = await startTestLake({ seed: true });
  const reader = lake.anonymousClient.withConfig({ perspective: "published" });
  return {
    ...lake,
    query: <T>(query: string, params: Record<string, unknown> = {}) =>
      reader.fetch<T>(query, params),
  };
}
