// The reading side against a bare `next start` page of the same HTML size: requests per second
// of the cached article at 32 connections, and the first-load JavaScript of the reader pages.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type { Figure, SuiteResult } from "./figure.ts";
import type { Servers } from "./servers.ts";

const CONNECTIONS = 32;
// Rounds alternate between the pages, and a budget is judged by the median of the rounds' paired
// ratios: on this kind of shared 2-core VM one page's round now and then runs at two-thirds speed
// for reasons outside both servers (the same build measured 0.73 to 1.02 against the same bare
// page in one run), and a total over the rounds lets one such round decide the verdict.
const ROUNDS = 7;
const ROUND_SECONDS = 5;
// Each page gets 24 s of load, in alternating rounds, before anything is measured. A fresh
// `next start` gets faster over its first tens of thousands of requests while V8 optimises it,
// and the site, with more code to optimise than the bare page, takes longer to get there: with
// a 2 s warm-up the same build measured 0.78×. Readers meet a server that has been up for
// hours, so the steady state is what is compared; the warm-up rounds' ratios are printed too.
const WARM_UP_ROUNDS = 6;
const WARM_UP_SECONDS = 4;
const JS_BUDGET_KB = 15;

export interface Target {
  url: string;
  /** The server process whose CPU time is read (none for a server that is not ours). */
  pid?: number;
}

export interface Load {
  requests: number;
  seconds: number;
  errors: number;
  /** CPU time the server process spent (user + system), or null where /proc is not readable. */
  cpuSeconds: number | null;
}

// Linux's /proc/<pid>/stat: utime and stime, fields 14 and 15, in clock ticks (USER_HZ, 100).
export async function cpuSeconds(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

// autocannon runs in a process of its own: in this one it would share an event loop with the
// bench's in-process lake and bookkeeping, and the client, not the server, would set the pace.
const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
const run = promisify(execFile);

interface AutocannonResult {
  requests: { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function autocannon(url: string, seconds: number): Promise<AutocannonResult> {
  const args = ["--json", "-c", String(CONNECTIONS), "-d", String(seconds), url];
  const { stdout } = await run(process.execPath, [autocannonBin, ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as AutocannonResult;
}

/** `seconds` of autocannon at `url`, with the CPU time `pid` spent meanwhile. */
export async function load({ url, pid }: Target, seconds: number): Promise<Load> {
  const before = await cpuSeconds(pid);
  const result = await autocannon(url, seconds);
  const after = await cpuSeconds(pid);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuSeconds: before === null || after === null ? null : after - before,
  };
}

const add = (a: Load, b: Load): Load => ({
  requests: a.requests + b.requests,
  seconds: a.seconds + b.seconds,
  errors: a.errors + b.errors,
  cpuSeconds: a.cpuSeconds === null || b.cpuSeconds === null ? null : a.cpuSeconds + b.cpuSeconds,
});

export const rps = (l: Load) => l.requests / l.seconds;

/**
 * The round whose ratio of `measured` to `baseline` (loaded one after the other) is the median of
 * the rounds' ratios: its two loads, which a figure shows side by side.
 */
export function medianRound(measured: Load[], baseline: Load[]): [Load, Load] {
  const pairs = measured.map((load, i) => [load, baseline[i]!] as [Load, Load]);
  pairs.sort(([a, b], [c, d]) => rps(a) / rps(b) - rps(c) / rps(d));
  return pairs[Math.floor(pairs.length / 2)]!;
}
const cpuMicrosPerRequest = (l: Load) =>
  l.cpuSeconds === null ? null : (l.cpuSeconds * 1e6) / l.requests;

/**
 * Alternating rounds after alternating warm-up rounds; per target, in the order given, the
 * total and each round's load (so a run's spread can be seen beside its ratio).
 */
export async function requestsPerSecond(
  targets: Target[],
  { warmUpRounds = WARM_UP_ROUNDS }: { warmUpRounds?: number } = {},
): Promise<{ total: Load; rounds: Load[]; warmUp: Load[] }[]> {
  const runs = targets.map(() => ({ rounds: [] as Load[], warmUp: [] as Load[] }));
  for (let round = 0; round < warmUpRounds; round++)
    for (const [i, target] of targets.entries())
      runs[i]!.warmUp.push(await load(target, WARM_UP_SECONDS));
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, target] of targets.entries())
      runs[i]!.rounds.push(await load(target, ROUND_SECONDS));
  return runs.map((run) => ({ ...run, total: run.rounds.reduce(add) }));
}

/** The HTML's <script src> files, each gzipped as a browser would receive it, in KB. */
export async function firstLoadJsKb(url: string): Promise<{ kb: number; scripts: number }> {
  const html = await (await fetch(url)).text();
  const sources = new Set(
    [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => new URL(m[1]!, url).href),
  );
  let bytes = 0;
  for (const src of sources) {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: ${response.status}`);
    bytes += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  }
  return { kb: bytes / 1024, scripts: sources.size };
}

/** Requests the page until Next answers it from its cache (x-nextjs-cache: HIT). */
async function warm(url: string): Promise<string> {
  let cache = "";
  for (let attempt = 0; attempt < 20 && cache !== "HIT"; attempt++) {
    const response = await fetch(url);
    await response.arrayBuffer();
    cache = response.headers.get("x-nextjs-cache") ?? "none";
  }
  return cache;
}

export async function benchSite(servers: Servers): Promise<SuiteResult> {
  const site = await servers.site();
  const bare = await servers.bare();
  const article = `${site.url}${site.articlePath}`;
  const bareUrl = `${bare.url}/`;
  const notes: string[] = [];

  const articleCache = await warm(article);
  const articleResponse = await fetch(article);
  const articleHtml = await articleResponse.arrayBuffer();
  // The baseline has the article's route shape: a bare page at /insights/[slug], prerendered
  // through generateStaticParams (tests/bench/bare-next/app/insights/[slug]/page.tsx).
  const bareArticle = `${bare.url}/insights/bare-page`;
  const bareHtml = await (await fetch(bareArticle)).arrayBuffer();
  notes.push(
    `article headers: x-nextjs-cache ${articleCache}, x-nextjs-prerender ` +
      `${articleResponse.headers.get("x-nextjs-prerender") ?? "none"}, cache-control ` +
      `${articleResponse.headers.get("cache-control") ?? "none"}`,
  );

  const ascii = `${bare.url}/ascii`;
  const [bareRun, siteRun, staticRun, asciiRun] = await requestsPerSecond([
    { url: bareArticle, pid: bare.pid },
    { url: article, pid: site.pid },
    { url: bareUrl, pid: bare.pid },
    { url: ascii, pid: bare.pid },
  ]);
  const [bareLoad, siteLoad, staticLoad, asciiLoad] = [
    bareRun!.total,
    siteRun!.total,
    staticRun!.total,
    asciiRun!.total,
  ];
  const ratios = (site: Load[], bare: Load[]) =>
    site.map((round, i) => (rps(round) / rps(bare[i]!)).toFixed(2)).join(", ");
  notes.push(
    `article ÷ bare page, round by round: warm-up ${ratios(siteRun!.warmUp, bareRun!.warmUp)}; ` +
      `measured ${ratios(siteRun!.rounds, bareRun!.rounds)}`,
  );
  const [siteMedian, bareMedian] = medianRound(siteRun!.rounds, bareRun!.rounds);
  const siteCpu = cpuMicrosPerRequest(siteLoad);
  const bareCpu = cpuMicrosPerRequest(bareLoad);
  const figures: Figure[] = [
    {
      name: "HTML size: article vs bare page",
      value: articleHtml.byteLength,
      baseline: bareHtml.byteLength,
      unit: "B",
      budget: "about the same (±25%)",
      within: Math.abs(articleHtml.byteLength / bareHtml.byteLength - 1) <= 0.25,
    },
    {
      name: `cached article, ${CONNECTIONS} connections (median of ${ROUNDS} rounds)`,
      value: rps(siteMedian),
      baseline: rps(bareMedian),
      unit: "req/s",
      budget: "≥ 0.9× bare Next page",
      within: rps(siteMedian) >= 0.9 * rps(bareMedian),
    },
    {
      name: `diagnostic: the same over all ${ROUNDS}×${ROUND_SECONDS} s`,
      value: rps(siteLoad),
      baseline: rps(bareLoad),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
    {
      name: "errors, timeouts and non-2xx under that load",
      value: siteLoad.errors,
      baseline: bareLoad.errors,
      unit: "count",
      budget: "0",
      within: siteLoad.errors === 0,
    },
    ...(siteCpu === null || bareCpu === null
      ? []
      : [
          {
            name: "diagnostic: server CPU per request, article vs bare page",
            value: siteCpu,
            baseline: bareCpu,
            unit: "µs" as const,
            budget: "none (diagnostic)",
            within: null,
          },
        ]),
    {
      name: "diagnostic: cached article vs the bare page on a static route (/)",
      value: rps(siteLoad),
      baseline: rps(staticLoad),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
    {
      name: "diagnostic: bare page on insights/[slug] vs on /",
      value: rps(bareLoad),
      baseline: rps(staticLoad),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
    {
      name: "diagnostic: cached article vs the bare page in plain ASCII",
      value: rps(siteLoad),
      baseline: rps(asciiLoad),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
    {
      name: "diagnostic: bare page with typography vs in plain ASCII",
      value: rps(staticLoad),
      baseline: rps(asciiLoad),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
  ];
  notes.push(
    "The bare page has the article's typography (–, ’): Next serves a cached page as a JavaScript " +
      "string and UTF-8 encodes it on every request, and one character outside Latin-1 makes the " +
      "whole page a two-byte string that Node writes about half as fast. The ASCII rows show that " +
      "cost apart from the site's own. The budget's baseline is that page on the article's route " +
      "shape, insights/[slug]: Next matches a dynamic route and fills in its params on every " +
      "request, a cost of Next's that the static-route rows show apart.",
  );

  const bareJs = await firstLoadJsKb(bareUrl);
  for (const page of ["/", site.articlePath, "/tickers/IWM"]) {
    const js = await firstLoadJsKb(`${site.url}${page}`);
    figures.push({
      name: `first-load JS (gzip): ${page.length > 40 ? `${page.slice(0, 37)}…` : page}`,
      value: js.kb,
      baseline: bareJs.kb,
      unit: "KB",
      budget: `≤ bare + ${JS_BUDGET_KB} KB (${(bareJs.kb + JS_BUDGET_KB).toFixed(1)} KB)`,
      within: js.kb <= bareJs.kb + JS_BUDGET_KB,
    });
    notes.push(`${page}: ${js.scripts} scripts, +${(js.kb - bareJs.kb).toFixed(1)} KB over bare`);
  }
  notes.push(`bare page: ${bareJs.scripts} scripts, ${bareJs.kb.toFixed(1)} KB gzip`);
  return { figures, notes };
}
