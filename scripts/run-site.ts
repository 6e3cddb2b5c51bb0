// `npm run dev` and `npm start`: the site together with its embedded defaults. With no
// hosted Sanity project configured, the local Content Lake runs in this process (seeded when
// its dataset is empty) and its webhook points at the site's /api/revalidate with the site's
// filter and projection, so publishing locally revalidates the site exactly as a hosted
// project's webhook would. With LAKE_EMBEDDED=0 several instances share one `npm run lake`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { loadLakeConfig, type Lake } from "@daily-insight/lake";
import { parseEnv } from "../lib/env-schema.ts";
import { revalidateWebhook } from "../lib/sanity/webhook-contract.ts";
import { startSeededLake } from "./seeded-lake.ts";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: node scripts/run-site.ts dev|start");
  process.exit(2);
}

const root = process.cwd();
if (existsSync(path.join(root, ".env.local"))) process.loadEnvFile(path.join(root, ".env.local"));
const env = parseEnv(process.env);
let lake: Lake | undefined;

if (!env.SANITY_PROJECT_ID && !env.LAKE_EMBEDDED) {
  // Several instances, one lake: `npm run lake` runs it (with its webhook pointed at the
  // instances' load balancer) and wrote its token and webhook secret into .env.local.
  if (!env.SANITY_API_WRITE_TOKEN || !env.SANITY_WEBHOOK_SECRET) {
    console.error(
      "LAKE_EMBEDDED=0 uses the lake that `npm run lake` runs: set SANITY_API_WRITE_TOKEN and " +
        "SANITY_WEBHOOK_SECRET to its token and webhook secret (it writes both into .env.local).",
    );
    process.exit(1);
  }
  process.env.NEXT_PUBLIC_SANITY_API_HOST ??= `https://localhost:${env.LAKE_PORT}`;
  console.log(`lake: using the one at ${env.LAKE_HOST}:${env.LAKE_PORT} (LAKE_EMBEDDED=0)`);
} else if (!env.SANITY_PROJECT_ID) {
  const config = loadLakeConfig(root);
  // next reads these from the environment it inherits (and from .env.local).
  process.env.SANITY_API_WRITE_TOKEN = config.token;
  process.env.SANITY_WEBHOOK_SECRET = config.webhookSecret;
  const targets =
    config.env.LAKE_WEBHOOK_URLS.length > 0
      ? config.env.LAKE_WEBHOOK_URLS
      : [`http://localhost:${env.PORT}/api/revalidate`];
  const started = await startSeededLake({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    dataset: env.SANITY_DATASET,
    token: config.token,
    webhooks: targets.map(revalidateWebhook),
    webhookSecret: config.webhookSecret,
    allowedOrigins: config.allowedOrigins,
    queryLimits: config.queryLimits,
  });
  lake = started.lake;
  if (started.seeded > 0)
    console.log(`lake: seeded ${started.seeded} documents into an empty dataset`);
  // The embedded Studio calls the lake from the browser, over HTTPS/2 (see packages/lake/README.md).
  process.env.NEXT_PUBLIC_SANITY_API_HOST ??= lake.studioApiHost;
  console.log(`lake: ${lake.url} (Studio: ${lake.studioApiHost})`);
}

// The site's own server (Next's handler, plus the connection's address in X-Forwarded-For),
// in a process of its own so that the lake's work never stalls a page.
const next = spawn(process.execPath, [path.join(root, "scripts", "site-server.ts"), mode], {
  stdio: "inherit",
  env: process.env,
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await lake?.close();
  process.exit(code);
}

process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));
next.on("exit", (code, signal) => void stop(code ?? (signal ? 1 : 0)));
