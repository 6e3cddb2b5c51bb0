// The reading side against a bare `next start` page of the same HTML size: requests per second
// of the cached article at 32 connections, and the first-load JavaScript of the reader pages.
import autocannon from "autocannon";
import { gzipSync } from "node:zlib";
import type { Figure, SuiteResult } from "./figure.ts";
import type { Servers } from "./servers.ts";

const CONNECTIONS = 32;
const ROUNDS = 5;
const ROUND_SECONDS = 5;
const JS_BUDGET_KB = 15;

interface Load {
  requests: number;
  seconds: number;
  errors: number;
}

async function load(url: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const add = (a: Load, b: Load): Load => ({
  requests: a.requests + b.requests,
  seconds: a.seconds + b.seconds,
  errors: a.errors + b.errors,
});

/** Alternating rounds after a warm-up of each URL; totals per URL, in the order given. */
async function requestsPerSecond(urls: string[]): Promise<Load[]> {
  for (const url of urls) await load(url, 2);
  const totals = urls.map(() => ({ requests: 0, seconds: 0, errors: 0 }));
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, url] of urls.entries())
      totals[i] = add(totals[i]!, await load(url, ROUND_SECONDS));
  return totals;
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
  const bareHtml = await (await fetch(bareUrl)).arrayBuffer();
  notes.push(
    `article headers: x-nextjs-cache ${articleCache}, x-nextjs-prerender ` +
      `${articleResponse.headers.get("x-nextjs-prerender") ?? "none"}, cache-control ` +
      `${articleResponse.headers.get("cache-control") ?? "none"}`,
  );

  const ascii = `${bare.url}/ascii`;
  const [bareLoad, siteLoad, asciiLoad] = await requestsPerSecond([bareUrl, article, ascii]);
  const rps = (l: Load) => l.requests / l.seconds;
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
      name: `cached article, ${CONNECTIONS} connections (${ROUNDS}×${ROUND_SECONDS} s)`,
      value: rps(siteLoad!),
      baseline: rps(bareLoad!),
      unit: "req/s",
      budget: "≥ 0.9× bare Next page",
      within: rps(siteLoad!) >= 0.9 * rps(bareLoad!),
    },
    {
      name: "errors, timeouts and non-2xx under that load",
      value: siteLoad!.errors,
      baseline: bareLoad!.errors,
      unit: "count",
      budget: "0",
      within: siteLoad!.errors === 0,
    },
    {
      name: "diagnostic: cached article vs the bare page in plain ASCII",
      value: rps(siteLoad!),
      baseline: rps(asciiLoad!),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
    {
      name: "diagnostic: bare page with typography vs in plain ASCII",
      value: rps(bareLoad!),
      baseline: rps(asciiLoad!),
      unit: "req/s",
      budget: "none (diagnostic)",
      within: null,
    },
  ];
  notes.push(
    "The bare page has the article's typography (–, ’): Next serves a cached page as a JavaScript " +
      "string and UTF-8 encodes it on every request, and one character outside Latin-1 makes the " +
      "whole page a two-byte string that Node writes about half as fast. The ASCII rows show that " +
      "cost apart from the site's own.",
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
