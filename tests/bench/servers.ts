// The servers the site benchmarks measure, built by the bench itself in copies under the system's
// temporary directory (never the checkout's shared .next): the site as a production build against a fresh seeded lake of its own, and a
// bare Next app (tests/bench/bare-next) with one static page of the same HTML size, the baseline,
// and a bare Sanity Studio, the Studio's baseline.
import { spawn } from "node:child_process";
import { cp, mkdir, readdir, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Lake } from "@daily-insight/lake";
import { startTestLake } from "../support/lake.ts";
import { seedPost } from "../support/seed-post.ts";
import { nextBin, productionSiteEnv, siteServerArgs, waitUntilServing } from "../e2e/site-env.ts";

const root = process.cwd();
const workDir = path.join(os.tmpdir(), "daily-insight-bench");
// BENCH_PORT moves the three ports aside when another run shares the machine.
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3310);
const PORTS = { site: BASE_PORT, lake: BASE_PORT + 1, bare: BASE_PORT + 2 } as const;
const TOKEN = "bench-local-lake-token-0123456789abcdef01234567";
const WEBHOOK_SECRET = "bench-local-webhook-secret-0123456789";
// A production server needs one for reader sign-in; without it the watch stars' /api/watchlist
// answers 500 and Lighthouse counts the console error against the page.
const AUTH_SECRET = "bench-local-auth-secret-0123456789abcdef0123456789";

export interface Server {
  url: string;
  /** The `next start` process, whose CPU time the site suite reads. */
  pid: number;
  stop(): Promise<void>;
}

export interface Site extends Server {
  /** Another instance of the same build on `port`, its environment amended by `env`. */
  startInstance(port: number, env: Record<string, string>): Promise<Server>;
  lake: Lake;
  token: string;
  /** The seed post's page, the article every suite measures. */
  articlePath: string;
}

export const articlePath = seedPost.path;

// Copies of the sources beside the checkout's node_modules, hard-linked (copied when the
// temporary directory is on another device): each copy is its own Turbopack root, with one Next.
const SKIP = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  "test-results",
  "playwright-report",
]);

async function copySources(from: string, to: string, modules: string): Promise<void> {
  // Turbopack's build cache survives from run to run; everything else is copied afresh.
  const cache = path.join(to, ".next", "cache");
  const keptCache = `${to}-cache`;
  await rm(keptCache, { recursive: true, force: true });
  await rename(cache, keptCache).catch(() => undefined);
  await rm(to, { recursive: true, force: true });
  // A TMPDIR inside the checkout (e.g. TMPDIR=$PWD/.tmp) holds the copy itself.
  const tmp = path.resolve(os.tmpdir());
  for (const entry of await readdir(from)) {
    // .env.local holds the developer's own lake token; the bench passes its environment itself.
    if (SKIP.has(entry) || entry.startsWith(".env")) continue;
    const source = path.join(from, entry);
    if (tmp === source || tmp.startsWith(`${source}${path.sep}`)) continue;
    await cp(source, path.join(to, entry), {
      recursive: true,
      filter: (source) => path.basename(source) !== ".next",
    });
  }
  await mkdir(path.dirname(cache), { recursive: true });
  await rename(keptCache, cache).catch(() => undefined);
  const target = path.join(to, "node_modules");
  await exec("cp", ["-al", modules, target]).catch(async () => {
    await rm(target, { recursive: true, force: true });
    await exec("cp", ["-a", modules, target]);
  });
}

async function exec(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: "ignore" });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}`);
}

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, log: string) {
  const child = spawn(process.execPath, [nextBin(cwd), ...args], { cwd, env, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${log}: next ${args.join(" ")} exited with ${code}\n${output}`);
}

/** Starts a build with `args` (the site's own server, or `next start` for the bare app). */
async function start(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  probe: string,
): Promise<Server> {
  // Both servers listen on env.PORT.
  const child = spawn(process.execPath, args, { cwd, env, stdio: "ignore" });
  const url = `http://localhost:${env.PORT}`;
  try {
    await waitUntilServing(`${url}${probe}`, child);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return { url, pid: child.pid!, stop };
}

/** Builds and starts the site against a fresh seeded lake; the lake runs in this process. */
export async function startSite(): Promise<Site> {
  const dir = path.join(workDir, "site");
  const lakeDataDir = path.join(workDir, "site-lake");
  await rm(lakeDataDir, { recursive: true, force: true });
  await copySources(root, dir, path.join(root, "node_modules"));
  const { lake } = await startTestLake({
    seed: true,
    port: PORTS.lake,
    dataDir: lakeDataDir,
    token: TOKEN,
    webhookUrls: [`http://localhost:${PORTS.site}/api/revalidate`],
    webhookSecret: WEBHOOK_SECRET,
    // The bare app's Studio (the Studio benchmark's baseline) calls the same lake.
    allowedOrigins: [`http://localhost:${PORTS.site}`, `http://localhost:${PORTS.bare}`],
  });
  try {
    const env = productionSiteEnv({
      sitePort: PORTS.site,
      lakePort: PORTS.lake,
      lakeDataDir,
      token: TOKEN,
      webhookSecret: WEBHOOK_SECRET,
      studioApiHost: lake.studioApiHost,
    });
    env.AUTH_SECRET = AUTH_SECRET;
    console.error("bench: building the site…");
    await run(["build"], dir, env, "site");
    // As `npm start` runs it: the site's server (scripts/site-server.ts) around Next's handler.
    const server = await start(dir, siteServerArgs(dir), env, articlePath);
    return {
      ...server,
      startInstance: (port, extra) =>
        start(dir, siteServerArgs(dir), { ...env, ...extra, PORT: String(port) }, articlePath),
      lake,
      token: TOKEN,
      articlePath,
      stop: async () => {
        await server.stop();
        await lake.close();
      },
    };
  } catch (error) {
    await lake.close();
    throw error;
  }
}

/**
 * Builds and starts the bare app, its page sized so that its HTML is about `htmlBytes`, its
 * bare Studio calling the lake at `studioApiHost`.
 */
export async function startBare(htmlBytes: number, studioApiHost: string): Promise<Server> {
  const dir = path.join(workDir, "bare-next");
  await copySources(
    path.join(root, "tests", "bench", "bare-next"),
    dir,
    path.join(root, "node_modules"),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    BARE_PAGE_HTML_BYTES: String(htmlBytes),
    NEXT_PUBLIC_SANITY_API_HOST: studioApiHost,
    PORT: String(PORTS.bare),
  };
  console.error("bench: building the bare Next page…");
  await run(["build"], dir, env, "bare-next");
  return start(dir, [nextBin(dir), "start"], env, "/");
}

export interface Servers {
  site(): Promise<Site>;
  /** The bare page, its HTML sized like the site's article, and a bare Studio at /studio. */
  bare(): Promise<Server>;
  stop(): Promise<void>;
}

/** Builds and starts each server once, on first use, for every suite of the run. */
export function createServers(): Servers {
  let site: Promise<Site> | undefined;
  let bare: Promise<Server> | undefined;
  const getSite = () => (site ??= startSite());
  return {
    site: getSite,
    bare: () =>
      (bare ??= getSite().then(async (s) => {
        const html = await (await fetch(`${s.url}${s.articlePath}`)).text();
        return startBare(Buffer.byteLength(html), s.lake.studioApiHost);
      })),
    async stop() {
      const started = [site, bare].filter((p) => p !== undefined);
      site = bare = undefined;
      await Promise.all(started.map((p) => p.then((s) => s.stop()).catch(() => undefined)));
    },
  };
}
