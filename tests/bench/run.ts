// `npm run bench [suite…]`: every figure is measured beside its baseline in the same run, and the
// ratio is what a budget is judged by — bare times on a shared 2-core machine are noise.
// Suites: lake, site, lighthouse, cards, db, studio, scale, email (all by default); the site's builds
// are shared.
import { benchCards } from "./cards.ts";
import { benchDb } from "./db.ts";
import { benchEmail } from "./email.ts";
import { formatValue, ratio, type SuiteResult } from "./figure.ts";
import { benchLake } from "./lake.ts";
import { benchLighthouse } from "./lighthouse.ts";
import { createServers, type Servers } from "./servers.ts";
import { benchScale } from "./scale.ts";
import { benchSite } from "./site.ts";
import { benchStudio } from "./studio.ts";

async function lake(): Promise<SuiteResult> {
  const results = await benchLake();
  return {
    figures: results.map((r) => ({
      name: r.name,
      value: r.value,
      baseline: r.baseline,
      unit: "ms",
      budget: r.budget,
      within: r.value <= r.limit,
    })),
    notes: [],
  };
}

const suites: Record<string, (servers: Servers) => Promise<SuiteResult>> = {
  lake,
  site: benchSite,
  lighthouse: benchLighthouse,
  cards: benchCards,
  db: benchDb,
  studio: benchStudio,
  scale: benchScale,
  email: benchEmail,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite ${unknown.join(", ")}; suites: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}

const servers = createServers();
const stop = async (code: number) => {
  await servers.stop();
  process.exit(code);
};
process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));

try {
  for (const name of requested.length > 0 ? requested : Object.keys(suites)) {
    const { figures, notes } = await suites[name]!(servers);
    console.log(`\n## ${name}`);
    console.table(
      figures.map((f) => ({
        figure: f.name,
        value: formatValue(f.value, f.unit),
        baseline: formatValue(f.baseline, f.unit),
        ratio: ratio(f.value, f.baseline),
        budget: f.budget,
        within: f.within === null ? "—" : f.within ? "yes" : "NO",
      })),
    );
    for (const note of notes) console.log(`- ${note}`);
  }
} finally {
  await servers.stop();
}
