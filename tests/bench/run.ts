// `npm run bench`: every figure is measured beside its baseline in the same run, and the ratio
// is what a budget is judged by — bare times on a shared 2-core machine are noise.
import { benchLake, type LakeBenchResult as BenchResult } from "./lake.ts";

const suites: Array<[string, () => Promise<BenchResult[]>]> = [["lake", benchLake]];

const format = (ms: number) => `${ms.toFixed(2)} ms`;
for (const [suite, bench] of suites) {
  console.log(`\n## ${suite}`);
  const results = await bench();
  console.table(
    results.map((r) => ({
      figure: r.name,
      value: format(r.value),
      baseline: format(r.baseline),
      ratio: r.ratio.toFixed(2),
      budget: r.budget,
      within: r.value <= r.limit ? "yes" : "NO",
    })),
  );
}
