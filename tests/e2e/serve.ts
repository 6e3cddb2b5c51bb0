// Playwright's web server: a fresh lake (seeded) and a production build of the site against it.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { startSeededLake } from "../../sanity/lake/seeded-lake.ts";
import { e2e } from "./env.ts";

const root = process.cwd();
const dataDir = path.resolve(root, e2e.dataDir);
rmSync(dataDir, { recursive: true, force: true });

const { lake } = await startSeededLake({
  port: e2e.lakePort,
  dataDir,
  token: e2e.token,
  webhookUrls: [`http://localhost:${e2e.sitePort}/api/revalidate`],
  webhookSecret: e2e.webhookSecret,
});

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PORT: String(e2e.sitePort),
  SITE_URL: `http://localhost:${e2e.sitePort}`,
  LAKE_PORT: String(e2e.lakePort),
  LAKE_DATA_DIR: dataDir,
  SANITY_API_WRITE_TOKEN: e2e.token,
  SANITY_WEBHOOK_SECRET: e2e.webhookSecret,
  NEXT_PUBLIC_SANITY_API_HOST: lake.studioApiHost,
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.SANITY_PROJECT_ID;

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
function run(args: string[]) {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env });
}

const build = run(["build"]);
const buildCode = await new Promise<number | null>((resolve) => build.on("exit", resolve));
if (buildCode !== 0) {
  await lake.close();
  process.exit(buildCode ?? 1);
}

const server = run(["start", "--port", String(e2e.sitePort)]);
async function stop(code: number) {
  if (server.exitCode === null) server.kill("SIGTERM");
  await lake.close();
  process.exit(code);
}
process.on("SIGINT", () => void stop(130));
process.on("SIGTERM", () => void stop(143));
server.on("exit", (code) => void stop(code ?? 1));
