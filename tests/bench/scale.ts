// More than one instance (README, "More than one instance"), each figure beside its baseline in
// the same run: the cached article through nginx's microcache against nginx serving the same
// HTML as a file; one instance sharing its cache through Redis against the same build without
// it; two instances behind nginx (no microcache) against one; and how long a publish takes to
// be visible on every instance when its webhook reaches one of them.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median, type Figure, type SuiteResult } from "./figure.ts";
import type { Server, Servers } from "./servers.ts";
import { medianRound, requestsPerSecond, rps, type Target } from "./site.ts";
import { startTestLake } from "../support/lake.ts";
import { startNginx } from "../support/nginx.ts";
import { freePort } from "../support/ports.ts";
import { startTestRedis } from "../support/redis.ts";
import { seedPost } from "../support/seed-post.ts";

const PUBLISHES = Number(process.env.SCALE_PUBLISHES ?? 20);
/** nginx's own workers are not what is measured; fewer warm-up rounds than the site suite. */
const WARM_UP_ROUNDS = 2;

export async function benchScale(servers: Servers): Promise<SuiteResult> {
  const site = await servers.site();
  const redis = await startTestRedis();
  const staticDir = await mkdtemp(path.join(os.tmpdir(), "bench-static-"));
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    // A lake of the suite's own, whose webhook reaches the first shared instance (the site's
    // lake sends its webhook to the site's own instance).
    const [first, second] = [await freePort(), await freePort()];
    const lake = await startTestLake({
      seed: true,
      webhookUrls: [`http://localhost:${first}/api/revalidate`],
      webhookSecret: "bench-scale-webhook-secret-0123456789",
    });
    started.push(lake);
    const prefix = `bench-scale-${Date.now()}:`;
    const shared = (port: number) => ({
      LAKE_PORT: String(lake.lake.port),
      SANITY_API_WRITE_TOKEN: lake.token,
      SANITY_WEBHOOK_SECRET: "bench-scale-webhook-secret-0123456789",
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      PGLITE_DATA_DIR: path.join(staticDir, `pglite-${port}`),
      TRUSTED_PROXY_HOPS: "1",
    });
    const a = await site.startInstance(first, shared(first));
    started.push(a);
    const b = await site.startInstance(second, shared(second));
    started.push(b);

    const article = await (await fetch(`${a.url}${site.articlePath}`)).text();
    await writeFile(path.join(staticDir, "article.html"), article);
    const [staticPort, twoPort, onePort] = [await freePort(), await freePort(), await freePort()];
    const upstream = (name: string, servers: Server[]) =>
      `upstream ${name} {\n${servers.map((s) => `  server ${new URL(s.url).host.replace("localhost", "127.0.0.1")};`).join("\n")}\n  keepalive 32;\n}\n`;
    const plainProxy = (port: number, name: string) =>
      `server {\n  listen 127.0.0.1:${port};\n  location / {\n    proxy_pass http://${name};\n    proxy_http_version 1.1;\n    proxy_set_header Connection "";\n  }\n}\n`;
    const nginx = await startNginx(
      [a, b].map((s) => new URL(s.url).host.replace("localhost", "127.0.0.1")),
      `\nserver {\n  listen 127.0.0.1:${staticPort};\n  root ${staticDir};\n}\n` +
        upstream("bench_two", [a, b]) +
        upstream("bench_one", [a]) +
        plainProxy(twoPort, "bench_two") +
        plainProxy(onePort, "bench_one"),
    );
    started.push(nginx);

    const figures: Figure[] = [];
    const notes: string[] = [];

    /** One row: requests per second of `measured` beside `baseline`, loaded in turn. */
    const compare = async (
      name: string,
      measured: Target,
      baseline: Target,
      budget: string,
      minRatio: number | null,
    ) => {
      const [runs, bases] = await requestsPerSecond([measured, baseline], {
        warmUpRounds: WARM_UP_ROUNDS,
      });
      for (const load of [runs!.total, bases!.total]) {
        if (load.errors > 0) notes.push(`${name}: ${load.errors} errors or non-2xx under load`);
      }
      // As in the site suite: the round with the median ratio.
      const [value, base] = medianRound(runs!.rounds, bases!.rounds);
      figures.push({
        name,
        value: rps(value),
        baseline: rps(base),
        unit: "req/s",
        budget,
        within: minRatio === null ? null : rps(value) >= minRatio * rps(base),
      });
    };
    await compare(
      "cached article through nginx's microcache",
      { url: `${nginx.url}${site.articlePath}` },
      { url: `http://127.0.0.1:${staticPort}/article.html` },
      "≥ 0.5× nginx serving the file",
      0.5,
    );
    await compare(
      "cached article on one instance with REDIS_URL",
      { url: `${a.url}${site.articlePath}`, pid: a.pid },
      { url: `${site.url}${site.articlePath}`, pid: site.pid },
      "≥ 0.8× the same build without it",
      0.8,
    );
    await compare(
      "two instances behind nginx (no microcache)",
      { url: `http://127.0.0.1:${twoPort}${site.articlePath}` },
      { url: `http://127.0.0.1:${onePort}${site.articlePath}` },
      "reported (2 cores: not 2×; not below 1×)",
      null,
    );

    // Publish → visible on both instances (the webhook reaches the first; the second learns of
    // it through Redis), polled every 25 ms.
    const latencies: number[] = [];
    for (let publish = 0; publish < PUBLISHES; publish++) {
      const title = `Scale ${publish} ${Date.now()}`;
      const since = performance.now();
      await lake.client.patch(seedPost.id).set({ title }).commit();
      const seen = await Promise.all(
        [a, b].map(async (instance) => {
          for (;;) {
            const html = await (await fetch(`${instance.url}${site.articlePath}`)).text();
            if (html.includes(title)) return performance.now() - since;
            if (performance.now() - since > 10_000) return Number.POSITIVE_INFINITY;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        }),
      );
      latencies.push(Math.max(...seen));
    }
    const p50 = median(latencies);
    const max = Math.max(...latencies);
    figures.push({
      name: `publish → visible on both instances, p50 (max ${Math.round(max)} ms) of ${PUBLISHES}`,
      value: p50,
      baseline: max,
      unit: "ms",
      budget: "≤ 2 s",
      within: max <= 2_000,
    });
    notes.push(
      `publish → visible on every instance: ${latencies.map((ms) => Math.round(ms)).join(", ")} ms`,
    );
    return { figures, notes };
  } finally {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
    await redis.stop();
    await rm(staticDir, { recursive: true, force: true });
  }
}
