// Benchmarks of the local Content Lake: each figure beside a baseline measured in the same run
// (bare times on a shared machine are noise; the ratio is what a budget judges).
import { mkdir, mkdtemp, rm, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createClient } from "@sanity/client";
import type { SanityClient } from "@sanity/client";
import { startLake } from "../../sanity/lake/server.ts";

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

const SITE_QUERIES: Array<{
  name: string;
  query: string;
  params: (i: number) => Record<string, unknown>;
}> = [
  {
    name: "latest posts",
    query: `*[_type == "post" && defined(slug.current)] | order(publishedAt desc)[0...10]{_id, title, "slug": slug.current, publishedAt, summary, "tickers": tickers[]{note, "symbol": ticker->symbol}}`,
    params: () => ({}),
  },
  {
    name: "post by slug",
    query: `*[_type == "post" && slug.current == $slug][0]{..., author->, "tickers": tickers[]{note, ticker->}}`,
    params: (i) => ({ slug: `post-${(i * 7919) % POSTS}` }),
  },
  {
    name: "ticker by symbol",
    query: `*[_type == "ticker" && symbol == $symbol][0]`,
    params: (i) => ({ symbol: `T${i % TICKERS}` }),
  },
  {
    name: "posts referencing a ticker",
    query: `*[_type == "post" && references($id)] | order(publishedAt desc){_id, title, "slug": slug.current}`,
    params: (i) => ({ id: `ticker-${i % TICKERS}` }),
  },
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

async function writeDataset(dataDir: string, posts: number): Promise<void> {
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

function clientFor(url: string): SanityClient {
  return createClient({
    projectId: "local",
    dataset: "production",
    apiHost: url,
    useProjectHostname: false,
    apiVersion: "2025-02-19",
    useCdn: false,
    token: TOKEN,
    maxRetries: 0,
  });
}

async function p50(runs: number, work: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(5, runs); i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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
      const client = clientFor(lake.url);
      const baseline = await p50(200, () => client.fetch("count(*)"));
      for (const { name, query, params } of SITE_QUERIES) {
        const value = await p50(200, (i) => client.fetch(query, params(i)));
        results.push(result(`GROQ p50: ${name} (${POSTS} posts)`, value, baseline, 25, "count(*)"));
      }
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
