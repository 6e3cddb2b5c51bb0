import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// The environment of a production build of the site against a local lake on ports of its own:
// what the e2e suite (serve.ts) and the benchmarks (tests/bench/servers.ts) build and start with.
export function productionSiteEnv(options: {
  sitePort: number;
  lakePort: number;
  lakeDataDir: string;
  token: string;
  webhookSecret: string;
  /** The lake's HTTPS/2 address, which the embedded Studio calls from the browser. */
  studioApiHost: string;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.sitePort),
    SITE_URL: `http://localhost:${options.sitePort}`,
    LAKE_PORT: String(options.lakePort),
    LAKE_DATA_DIR: options.lakeDataDir,
    SANITY_API_WRITE_TOKEN: options.token,
    SANITY_WEBHOOK_SECRET: options.webhookSecret,
    NEXT_PUBLIC_SANITY_API_HOST: options.studioApiHost,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.SANITY_PROJECT_ID;
  return env;
}

/** The `next` CLI of the project at `root`, to run with the current Node. */
export const nextBin = (root: string) =>
  path.join(root, "node_modules", "next", "dist", "bin", "next");

/** The arguments that start the production site as `npm start` does (scripts/site-server.ts). */
export const siteServerArgs = (root: string) => [
  path.join(root, "scripts", "site-server.ts"),
  "start",
];

/**
 * Waits until a `next start` just spawned answers `url` with a 2xx. Fails at once if the
 * process exits, and after `timeoutMs`; `output` (the process's log so far) goes in the error.
 */
export async function waitUntilServing(
  url: string,
  child: ChildProcess,
  { timeoutMs = 60_000, output = () => "" }: { timeoutMs?: number; output?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the server exited (${child.exitCode})\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url}: no 2xx within ${timeoutMs} ms\n${output()}`);
}

export interface SiteProcess {
  url: string;
  /** The process's log so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Another production server of the suite's build: `node <args>` with `env` (its PORT), once it
 * answers `/` with a 2xx; stopped and its log in the error if it does not within `timeoutMs`.
 */
export async function startSiteProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<SiteProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${env.PORT}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(`${url}/`, child, { timeoutMs, output: () => output });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}
