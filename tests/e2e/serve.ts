// Playwright's web server: a fresh lake (seeded) and a production build of the site against it.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startTestLake } from "../support/lake.ts";
import { e2e, siteUrl } from "./env.ts";
import { nextBin, productionSiteEnv, siteServerArgs } from "./site-env.ts";

const root = process.cwd();
const dataDir = path.resolve(root, e2e.dataDir);
rmSync(dataDir, { recursive: true, force: true });

const { lake } = await startTestLake({
  seed: true,
  port: e2e.lakePort,
  dataDir,
  token: e2e.token,
  webhookUrls: [`http://localhost:${e2e.sitePort}/api/revalidate`],
  webhookSecret: e2e.webhookSecret,
  // The embedded Studio calls the lake from the site's own origin.
  allowedOrigins: [siteUrl],
});

const env = productionSiteEnv({
  sitePort: e2e.sitePort,
  lakePort: e2e.lakePort,
  lakeDataDir: dataDir,
  token: e2e.token,
  webhookSecret: e2e.webhookSecret,
  studioApiHost: lake.studioApiHost,
});
// Reader sign-in: magic links go to the SMTP server the sign-in spec starts (tests/support/smtp.ts).
env.AUTH_SECRET = e2e.authSecret;
env.EMAIL_SERVER = `smtp://127.0.0.1:${e2e.smtpPort}`;
env.EMAIL_FROM = "Daily Insight <signin@daily-insight.test>";

// Reader data: a fresh PGlite folder each run, opened only by `next start` (never by the build).
const pgliteDir = path.resolve(root, `.data/e2e-pglite-${e2e.sitePort}`);
rmSync(pgliteDir, { recursive: true, force: true });
env.PGLITE_DATA_DIR = pgliteDir;
delete env.DATABASE_URL;

function run(args: string[]) {
  return spawn(process.execPath, [nextBin(root), ...args], { stdio: "inherit", env });
}

const build = run(["build"]);
const buildCode = await new Promise<number | null>((resolve) => build.on("exit", resolve));
if (buildCode !== 0) {
  await lake.close();
  process.exit(buildCode ?? 1);
}

// As `npm start` runs it: the site's own server (scripts/site-server.ts) around Next's handler.
const server = spawn(process.execPath, siteServerArgs(root), { stdio: "inherit", env });
async function stop(code: number) {
  if (server.exitCode === null) server.kill("SIGTERM");
  await lake.close();
  process.exit(code);
}
process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));
server.on("exit", (code) => void stop(code ?? 1));
