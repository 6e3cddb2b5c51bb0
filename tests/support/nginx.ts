// Debian's nginx running the repository's own configuration (deploy/nginx/daily-insight.conf),
// with only its "deployment:" lines rewritten: its cache in a temporary folder, the given
// instances as its upstream, a free loopback port. Runs in the foreground; `stop` ends it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./ports.ts";

export const NGINX_CONFIG = path.resolve("deploy/nginx/daily-insight.conf");

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH (.ci/run accepts both). */
export function nginxBinary(): string {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/sbin"];
  const found = dirs.map((dir) => path.join(dir, "nginx")).find((file) => existsSync(file));
  if (!found) throw new Error("nginx is not on PATH nor in /usr/sbin: apt-get install nginx");
  return found;
}

export interface TestNginx {
  url: string;
  stop(): Promise<void>;
}

/** The deployed file with this run's cache folder, upstream servers and listening port. */
export function renderConfig(
  config: string,
  { cacheDir, upstreams, port }: { cacheDir: string; upstreams: string[]; port: number },
): string {
  const replace = (pattern: RegExp, replacement: string) => {
    if (!pattern.test(config)) throw new Error(`deploy/nginx: no line matches ${pattern}`);
    config = config.replace(pattern, replacement);
  };
  replace(/proxy_cache_path \/var\/cache\/nginx\/daily-insight /, `proxy_cache_path ${cacheDir} `);
  replace(
    /( *)server 127\.0\.0\.1:3000;\n *server 127\.0\.0\.1:3001;/,
    upstreams.map((upstream) => `$1server ${upstream};`).join("\n"),
  );
  replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  return config;
}

/**
 * nginx with the deployed file in front of `upstreams`; `extra` adds configuration of the
 * caller's own to its `http` block (the benchmarks' baselines).
 */
export async function startNginx(upstreams: string[], extra = ""): Promise<TestNginx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nginx-test-"));
  const port = await freePort();
  const site =
    renderConfig(await readFile(NGINX_CONFIG, "utf8"), {
      cacheDir: path.join(dir, "cache"),
      upstreams,
      port,
    }) + extra;
  await writeFile(path.join(dir, "daily-insight.conf"), site);
  // As root, nginx's workers would run as nobody, who cannot write this folder.
  const user = process.getuid?.() === 0 ? "user root;" : "";
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `${kind}_temp_path ${path.join(dir, kind)};`)
    .join("\n  ");
  await writeFile(
    path.join(dir, "nginx.conf"),
    `${user}
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  ${temp}
  include ${path.join(dir, "daily-insight.conf")};
}
`,
  );
  const child = spawn(
    nginxBinary(),
    ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx exited (${child.exitCode}):\n${output}`);
    }
    try {
      await fetch(`${url}/robots.txt`);
      return { url, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not listen within 15 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
