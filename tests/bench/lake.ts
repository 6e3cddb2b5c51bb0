// Benchmarks of the local Content Lake: each figure beside a baseline measured in the same run
// (bare times on a shared machine are noise; the ratio is what a budget judges).
import { mkdir, mkdtemp, rm, writeFile, cp } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import {
  allTickersQuery,
  feedPostsQuery,
  latestPostsQuery,
  postBySlugQuery,
  postCountQuery,
  postsForTickerQuery,
  postsForTickersQuery,
  relatedPostsQuery,
  searchPostsQuery,
  tickerBySymbolQuery,
} from "../../lib/sanity/queries.ts";
import { startLake } from "@daily-insight/lake";
import { revalidateWebhook } from "../../lib/sanity/webhook-contract.ts";
import { localLakeClient } from "../support/lake.ts";

export interface LakeBenchResult {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  budget: string;
  /** The bound on `value`, in ms. */
  limit: number;
}

const POSTS = 10_000;
const TICKERS = 50;
const TOKEN = "bench-token-".padEnd(48, "x");

// The site's own queries (lib/sanity/queries.ts), with the parameters its pages pass.
const SITE_QUERIES: Array<{
  name: string;
  query: string;
  params: (i: number) => Record<string, unknown>;
}> = [
  { name: "home: latest posts", query: latestPostsQuery, params: () => ({ start: 0, end: 10 }) },
  { name: "home: post count", query: postCountQuery, params: () => ({}) },
  {
    name: "article: post by slug",
    query: postBySlugQuery,
    params: (i) => ({ slug: `post-${(i * 7919) % POSTS}` }),
  },
  {
    name: "article: related posts",
    query: relatedPostsQuery,
    params: (i) => ({ postId: `post-${i}`, tickerIds: [`ticker-${i % TICKERS}`], limit: 3 }),
  },
  { name: "tickers: all with counts", query: allTickersQuery, params: () => ({}) },
  {
    name: "ticker: by symbol",
    query: tickerBySymbolQuery,
    params: (i) => ({ symbol: `T${i % TICKERS}` }),
  },
  {
    name: "ticker: posts with notes",
    query: postsForTickerQuery,
    params: (i) => ({ tickerId: `ticker-${i % TICKERS}` }),
  },
  {
    name: "search",
    query: searchPostsQuery,
    params: () => ({ terms: ["valuations*"], symbol: "VALUATIONS", limit: 20 }),
  },
  { name: "feed", query: feedPostsQuery, params: () => ({ limit: 20 }) },
];

function post(i: number): Record<string, unknown> {
  const day = new Date(Date.UTC(2020, 0, 1) + ((i * 7919) % POSTS) * 86_400_000).toISOString();
  return {
    _id: `post-${i}`,
    _type: "post",
    _rev: "seed",
    _createdAt: day,
    _updatedAt: day,
    title: `Daily Insight ${i}`,
    slug: { _type: "slug", current: `post-${i}` },
    publishedAt: day,
    summary: "Small caps lag large caps while valuations diverge. ".repeat(3),
    author: { _type: "reference", _ref: "author-1" },
    tickers: [0, 1, 2].map((k) => ({
      _key: `t${k}`,
      ticker: { _type: "reference", _ref: `ticker-${(i + k * 17) % TICKERS}` },
      note: "Why it matters",
    })),
    keyPoints: [{ _key: "k1", label: "Valuation", text: "Forward P/E at 22x–26x." }],
    body: Array.from({ length: 6 }, (_, b) => ({
      _key: `b${b}`,
      _type: "block",
      style: "normal",
      markDefs: [],
      children: [
        {
          _key: `s${b}`,
          _type: "span",
          marks: [],
          text: "Market commentary paragraph with enough words to look real. ".repeat(4),
        },
      ],
    })),
  };
}

export async function writeDataset(dataDir: string, posts: number): Promise<void> {
  const dir = path.join(dataDir, "production");
  await mkdir(dir, { recursive: true });
  const lines: string[] = [
    JSON.stringify({
      _id: "author-1",
      _type: "author",
      name: "Analyst",
      slug: { current: "analyst" },
    }),
  ];
  for (let t = 0; t < TICKERS; t++)
    lines.push(
      JSON.stringify({
        _id: `ticker-${t}`,
        _type: "ticker",
        symbol: `T${t}`,
        name: `Ticker ${t}`,
        kind: "etf",
      }),
    );
  for (let i = 0; i < posts; i++) lines.push(JSON.stringify(post(i)));
  await writeFile(path.join(dir, "data.ndjson"), `${lines.join("\n")}\n`);
}

/** Median of up to `runs` timed calls, stopping early after 5 s (at least 11 calls). */
async function p50(runs: number, work: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(5, runs); i++) await work(i);
  const times: number[] = [];
  const deadline = performance.now() + 5_000;
  for (let i = 0; i < runs && (i < 11 || performance.now() < deadline); i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

async function startTime(dataDir: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const lake = await startLake({ port: 0, dataDir, token: TOKEN });
    times.push(performance.now() - started);
    await lake.close();
  }
  return times.sort((a, b) => a - b)[1] ?? Number.NaN;
}

const result = (
  name: string,
  value: number,
  baseline: number,
  limit: number,
  baselineName: string,
): LakeBenchResult => ({
  name,
  value,
  baseline,
  ratio: value / baseline,
  budget: `≤ ${limit} ms; baseline ${baselineName}`,
  limit,
});

export async function benchLake(): Promise<LakeBenchResult[]> {
  const root = await mkdtemp(path.join(os.tmpdir(), "lake-bench-"));
  try {
    const fullDir = path.join(root, "full");
    const emptyDir = path.join(root, "empty");
    await writeDataset(fullDir, POSTS);
    await mkdir(emptyDir, { recursive: true });
    // Generate the TLS certificate once so start times measure loading, not key generation.
    await (await startLake({ port: 0, dataDir: emptyDir, token: TOKEN })).close();
    await cp(path.join(emptyDir, ".tls"), path.join(fullDir, ".tls"), { recursive: true });

    const results: LakeBenchResult[] = [];
    const lake = await startLake({ port: 0, dataDir: fullDir, token: TOKEN });
    try {
      const client = localLakeClient(lake.url, TOKEN).withConfig({ maxRetries: 0 });
      const baseline = await p50(200, () => client.fetch("count(*)"));
      for (const { name, query, params } of SITE_QUERIES) {
        const value = await p50(200, (i) => client.fetch(query, params(i)));
        results.push(result(`GROQ p50: ${name} (${POSTS} posts)`, value, baseline, 25, "count(*)"));
      }
      // A reader watching every ticker against one watching a single ticker.
      const everyTicker = Array.from({ length: TICKERS }, (_, t) => `ticker-${t}`).sort();
      const singleFeed = await p50(200, (i) =>
        client.fetch(postsForTickersQuery, { tickerIds: [`ticker-${i % TICKERS}`], limit: 20 }),
      );
      const watchlistFeed = await p50(200, () =>
        client.fetch(postsForTickersQuery, { tickerIds: everyTicker, limit: 20 }),
      );
      results.push(
        result(
          `watchlist feed p50: ${TICKERS} tickers (${POSTS} posts)`,
          watchlistFeed,
          singleFeed,
          30,
          "a single-ticker feed",
        ),
      );
      const roundTrip = await p50(200, () => client.request({ url: "/ping" }));
      const ack = await p50(200, (i) =>
        client
          .patch(`post-${i % POSTS}`)
          .set({ views: i })
          .commit({ returnDocuments: false }),
      );
      results.push(
        result("mutation ack p50 (fsync'd)", ack, roundTrip, 10, "in-memory /ping round trip"),
      );
    } finally {
      await lake.close();
    }
    // The same acknowledgement when a webhook is owed for every write: the obligation rides in
    // the transaction's own log line (webhook-outbox.ts), against the ack above without one.
    const site = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(200).end());
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const hooked = await startLake({
      port: 0,
      dataDir: fullDir,
      token: TOKEN,
      webhooks: [
        revalidateWebhook(
          `http://127.0.0.1:${(site.address() as AddressInfo).port}/api/revalidate`,
        ),
      ],
      webhookSecret: "bench-webhook-secret",
    });
    try {
      const client = localLakeClient(hooked.url, TOKEN).withConfig({ maxRetries: 0 });
      // Drafts of the same posts: the same writes, but webhooks fire for published documents only.
      const drafts = client.transaction();
      for (let i = 0; i < 200; i++)
        drafts.createOrReplace({ ...post(i), _id: `drafts.post-${i}`, _type: "post" });
      await drafts.commit();
      const plainAck = await p50(200, (i) =>
        client
          .patch(`drafts.post-${i % 200}`)
          .set({ views: i })
          .commit({ returnDocuments: false }),
      );
      const hookedAck = await p50(200, (i) =>
        client
          .patch(`post-${i % POSTS}`)
          .set({ views: i })
          .commit({ returnDocuments: false }),
      );
      results.push(
        result(
          "mutation ack p50 with a webhook owed (durable)",
          hookedAck,
          plainAck,
          10,
          "the same write to a draft (no webhook)",
        ),
      );
    } finally {
      await hooked.close();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
    const emptyStart = await startTime(emptyDir);
    const fullStart = await startTime(fullDir);
    results.push(
      result(`start time with ${POSTS} posts`, fullStart, emptyStart, 2000, "empty dataset"),
    );
    return results;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
