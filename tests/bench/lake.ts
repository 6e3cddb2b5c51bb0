// Benchmarks of the local Content Lake: each figure beside a baseline measured in the same run
// (bare times on a shared machine are noise; the ratio is what a budget judges).
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { startLake } from "@daily-insight/lake";
import { revalidateWebhook } from "../../lib/sanity/webhook-contract.ts";
import { localLakeClient } from "../support/lake.ts";
import { median } from "./figure.ts";
import { POSTS, post, writeDataset } from "./lake-dataset.ts";
import { siteQueryCases } from "./site-queries.ts";

export interface LakeBenchResult {
  name: string;
  value: number;
  baseline: number;
  ratio: number;
  budget: string;
  /** The bound on `value`, in ms. */
  limit: number;
}

const TOKEN = "bench-token-".padEnd(48, "x");
/** Every query the site runs, over POSTS posts (issue 14). */
const QUERY_BUDGET_MS = 25;

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
  return median(times);
}

/**
 * Medians of `work` and of `baseline` called alternately, up to `runs` each (stopping early after
 * 5 s, at least 11 each): both meet the same load, so their ratio holds when the machine's load
 * changes during the run, as a baseline measured once at its start would not.
 */
async function pairedP50(
  runs: number,
  work: (i: number) => Promise<unknown>,
  baseline: () => Promise<unknown>,
): Promise<[number, number]> {
  for (let i = 0; i < Math.min(5, runs); i++) {
    await work(i);
    await baseline();
  }
  const times: number[] = [];
  const bases: number[] = [];
  const deadline = performance.now() + 5_000;
  for (let i = 0; i < runs && (i < 11 || performance.now() < deadline); i++) {
    let started = performance.now();
    await work(i);
    times.push(performance.now() - started);
    started = performance.now();
    await baseline();
    bases.push(performance.now() - started);
  }
  return [median(times), median(bases)];
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
    const now = Date.now();
    await writeDataset(fullDir, now);
    await mkdir(emptyDir, { recursive: true });
    // Generate the TLS certificate once so start times measure loading, not key generation.
    await (await startLake({ port: 0, dataDir: emptyDir, token: TOKEN })).close();
    await cp(path.join(emptyDir, ".tls"), path.join(fullDir, ".tls"), { recursive: true });

    const results: LakeBenchResult[] = [];
    const lake = await startLake({ port: 0, dataDir: fullDir, token: TOKEN });
    try {
      const client = localLakeClient(lake.url, TOKEN).withConfig({ maxRetries: 0 });
      for (const { name, label, query, params, perspective } of siteQueryCases()) {
        const [value, baseline] = await pairedP50(
          200,
          (i) => client.fetch(query, params(i, now), { perspective: perspective ?? "published" }),
          () => client.fetch("count(*)"),
        );
        results.push(
          result(`GROQ p50: ${label} (${name})`, value, baseline, QUERY_BUDGET_MS, "count(*)"),
        );
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
        drafts.createOrReplace({ ...post(i, now), _id: `drafts.post-${i}`, _type: "post" });
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
