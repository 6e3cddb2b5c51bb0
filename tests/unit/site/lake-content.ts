import { startTestLake, type TestLake } from "../../support/lake.ts";

/** A real Content Lake in this process, seeded with sanity/seed/, and a runner for site queries. */
export async function startSeededLake(): Promise<
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
