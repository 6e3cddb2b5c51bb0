// A lake with the seed content in it: what `npm run dev` and `npm start` run, and what the
// e2e suite and the benchmarks start through tests/support/lake.ts.
import { startLake, type Lake, type LakeOptions } from "@daily-insight/lake";
import { createClient, type SanityClient } from "@sanity/client";
import { seedDataset } from "./seed.ts";

/** A client for a local lake; without a token it reads what an anonymous visitor may. */
export function localLakeClient(url: string, token?: string, dataset = "production"): SanityClient {
  return createClient({
    projectId: "local",
    dataset,
    apiHost: url,
    useProjectHostname: false,
    apiVersion: "2025-02-19",
    useCdn: false,
    token,
  });
}

/**
 * Starts the lake and seeds `dataset` when it holds no documents. Seeding happens before the
 * webhooks are switched on: the site they point at is not up yet, and a fresh dataset has no
 * cached pages to revalidate.
 */
export async function startSeededLake(
  options: LakeOptions & { dataset?: string },
): Promise<{ lake: Lake; seeded: number }> {
  const dataset = options.dataset ?? "production";
  const quiet = await startLake({ ...options, webhooks: [] });
  const client = localLakeClient(quiet.url, options.token, dataset);
  const existing = await client.fetch<number>("count(*)", {}, { perspective: "raw" });
  const seeded = existing === 0 ? (await seedDataset(client)).written : 0;
  if (!options.webhooks?.length) return { lake: quiet, seeded };
  await quiet.close();
  return { lake: await startLake(options), seeded };
}
