// Lighthouse (its default mobile form factor and simulated throttling) in Debian's Chromium on
// the reader pages, each category beside the bare Next page's score in the same run.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { median, type Figure, type SuiteResult } from "./figure.ts";
import type { Servers } from "./servers.ts";
import { chromiumFlags, chromiumPath } from "../chromium.ts";

const CHROME_FLAGS = ["--headless=new", ...chromiumFlags];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const BUDGET: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};
/** Runs per page; the performance score is their median (the other categories do not vary). */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

interface Audit {
  id: string;
  score: number | null;
  displayValue?: string;
}
interface Scores {
  scores: Record<Category, number>;
  /** Per category, the weighted audits that did not pass. */
  failing: Record<Category, string[]>;
}

const REPORTS = path.join(os.tmpdir(), "daily-insight-bench", "lighthouse");

async function audit(port: number, url: string, report: string): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  await mkdir(REPORTS, { recursive: true });
  await writeFile(path.join(REPORTS, `${report}.json`), JSON.stringify(lhr));
  const scores = {} as Record<Category, number>;
  const failing = {} as Record<Category, string[]>;
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = Math.round((category?.score ?? 0) * 100);
    failing[id] = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id] as Audit | undefined)
      .filter((a): a is Audit => a !== undefined && a.score !== null && a.score < 1)
      .map((a) => `${a.id} ${a.score!.toFixed(2)}${a.displayValue ? ` (${a.displayValue})` : ""}`);
  }
  return { scores, failing };
}

async function auditRuns(port: number, url: string, name: string): Promise<Scores> {
  const runs: Scores[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await audit(port, url, `${name}-${run + 1}`));
  const middle = median(runs.map((r) => r.scores.performance));
  const chosen = runs.find((r) => r.scores.performance === middle) ?? runs[0]!;
  return chosen;
}

export async function benchLighthouse(servers: Servers): Promise<SuiteResult> {
  const site = await servers.site();
  const bare = await servers.bare();
  const pages = ["/", site.articlePath, "/tickers/IWM"];
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: CHROME_FLAGS,
  });
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    // Each page once before it is measured, so no run pays for a first render.
    for (const page of pages) await fetch(`${site.url}${page}`).then((r) => r.arrayBuffer());
    const baseline = await auditRuns(chrome.port, `${bare.url}/`, "bare");
    for (const page of pages) {
      const name = page === "/" ? "home" : page.split("/")[1]!;
      const { scores, failing } = await auditRuns(chrome.port, `${site.url}${page}`, name);
      const short = page.length > 30 ? `${page.slice(0, 27)}…` : page;
      for (const category of CATEGORIES) {
        const within = scores[category] >= BUDGET[category];
        figures.push({
          name: `${short}: ${category}`,
          value: scores[category],
          baseline: baseline.scores[category],
          unit: "score",
          budget: `≥ ${BUDGET[category]}`,
          within,
        });
        if (scores[category] < 100 && failing[category].length > 0)
          notes.push(`${page} ${category}: ${failing[category].join("; ")}`);
      }
    }
    for (const category of CATEGORIES)
      if (baseline.failing[category].length > 0)
        notes.push(`bare page ${category}: ${baseline.failing[category].join("; ")}`);
  } finally {
    chrome.kill();
  }
  notes.push(
    `mobile form factor, simulated throttling, over http://localhost; median performance of ${RUNS} ` +
      `run(s) per page (LIGHTHOUSE_RUNS); reports in ${REPORTS}`,
  );
  return { figures, notes };
}
