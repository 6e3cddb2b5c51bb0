// Social cards: a cached card against the bare Next page in the same run, and the first render of
// the card of a post published during the run (through @sanity/client into the bench's own lake,
// whose webhook revalidates the site), with and without a chart, against the cached card.
import { localLakeClient } from "../support/lake.ts";
import { type SeedDoc, seedPostDocument } from "../support/seed-post.ts";
import { median, type Figure, type SuiteResult } from "./figure.ts";
import type { Servers } from "./servers.ts";

const CACHED_REQUESTS = 60;
const NEW_CARDS = 12;
const WARM_UP_CARDS = 3;

async function timedGet(url: string, expectType?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || (expectType && !type.startsWith(expectType)))
    throw new Error(`${url}: ${response.status} ${type}`);
  return elapsed;
}

/** Median of sequential requests of the same URL, after one that may fill the cache. */
async function p50Repeated(url: string, expectType?: string): Promise<number> {
  await timedGet(url, expectType);
  const times: number[] = [];
  for (let i = 0; i < CACHED_REQUESTS; i++) times.push(await timedGet(url, expectType));
  return median(times);
}

function newPosts(seed: SeedDoc, kind: "title" | "chart", count: number, run: string) {
  const body = (seed.body as Array<{ _type: string }>) ?? [];
  return Array.from({ length: count }, (_, i) => ({
    ...seed,
    _id: `bench-${run}-${kind}-${i}`,
    title: `Bench ${kind} card ${i}: small caps extend their streak against big tech`,
    slug: { _type: "slug", current: `bench-${run}-${kind}-${i}` },
    publishedAt: new Date(Date.UTC(2020, 0, 1 + i)).toISOString(),
    // A plain title card: no tickers and no chart; otherwise the seed's tickers and chart.
    tickers: kind === "title" ? [] : seed.tickers,
    body: kind === "title" ? body.filter((block) => block._type !== "chart") : body,
  }));
}

export async function benchCards(servers: Servers): Promise<SuiteResult> {
  const site = await servers.site();
  const bare = await servers.bare();
  const seed = seedPostDocument;
  const card = (path: string) => `${site.url}${path}/opengraph-image`;

  const barePage = await p50Repeated(`${bare.url}/`);
  const cachedPost = await p50Repeated(card(site.articlePath), "image/png");
  const cachedHome = await p50Repeated(`${site.url}/opengraph-image`, "image/png");
  const cachedTicker = await p50Repeated(card("/tickers/IWM"), "image/png");

  const client = localLakeClient(site.lake.url, site.token);
  const run = Date.now().toString(36);
  const warmUp = newPosts(seed, "chart", WARM_UP_CARDS, `${run}w`);
  const plain = newPosts(seed, "title", NEW_CARDS, run);
  const charted = newPosts(seed, "chart", NEW_CARDS, run);
  const all = [...warmUp, ...plain, ...charted];
  const transaction = client.transaction();
  for (const doc of all) transaction.create(doc);
  await transaction.commit({ visibility: "sync" });
  // Let the webhook's revalidation land before anything is timed.
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  const firstRenders = async (docs: typeof all) => {
    const times: number[] = [];
    for (const doc of docs)
      times.push(await timedGet(card(`/insights/${doc.slug.current}`), "image/png"));
    return median(times);
  };
  try {
    await firstRenders(warmUp);
    const plainFirst = await firstRenders(plain);
    const chartFirst = await firstRenders(charted);
    const cached = (name: string, value: number): Figure => ({
      name: `cached card p50: ${name}`,
      value,
      baseline: barePage,
      unit: "ms",
      budget: "≤ 10 ms; baseline bare Next page p50",
      within: value <= 10,
    });
    const first = (name: string, value: number): Figure => ({
      name: `first render of a new card p50: ${name} (${NEW_CARDS} posts)`,
      value,
      baseline: cachedPost,
      unit: "ms",
      budget: "≤ 100 ms; baseline cached post card",
      within: value <= 100,
    });
    return {
      figures: [
        cached("seed post", cachedPost),
        cached("home", cachedHome),
        cached("ticker IWM", cachedTicker),
        first("title only", plainFirst),
        first("with chart and tickers", chartFirst),
      ],
      notes: [
        `new posts created through @sanity/client in the bench's lake; ${WARM_UP_CARDS} warm-up cards rendered first, untimed`,
      ],
    };
  } finally {
    const cleanup = client.transaction();
    for (const doc of all) cleanup.delete(doc._id);
    await cleanup.commit();
  }
}
