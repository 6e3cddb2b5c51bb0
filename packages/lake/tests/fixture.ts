import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deflateSync, crc32 } from "node:zlib";
import { createClient } from "@sanity/client";
import type { ListenOptions, MutationEvent, SanityClient } from "@sanity/client";
import { firstValueFrom, filter, take, toArray } from "rxjs";
import { startLake } from "../src/http/server.ts";
import type { Lake, LakeOptions } from "../src/http/server.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const MAIN = path.resolve(import.meta.dirname, "../src/bin/lake.ts");

export const randomToken = () => randomBytes(32).toString("base64url");

export function clientFor(url: string, token?: string, dataset = "production"): SanityClient {
  return createClient({
    projectId: "local",
    dataset,
    apiHost: url,
    useProjectHostname: false,
    apiVersion: "2025-02-19",
    useCdn: false,
    token,
    // Tests want the first failure, not the client's retries.
    maxRetries: 0,
  });
}

/**
 * A webhook as a site would configure it (this one is shaped like Daily Insight's): the types it
 * shows, and a body with what its caches are keyed by, before and after the change.
 */
export const EXAMPLE_WEBHOOK = {
  filter: '_type in ["post","ticker","author"]',
  projection: `{
    _id, _type, "slug": slug.current, "symbol": symbol, "tickerIds": tickers[].ticker._ref,
    "before": before(){ "slug": slug.current, "symbol": symbol, "tickerIds": tickers[].ticker._ref },
    "operation": delta::operation()
  }`,
};

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "lake-test-"));
}

export interface TestLake {
  lake: Lake;
  client: SanityClient;
  anonymousClient: SanityClient;
  dataDir: string;
  token: string;
  /** Closes this lake and starts another on the same data (a clean restart). */
  restart(): Promise<TestLake>;
  /** Closes the lake and removes its data. */
  cleanup(): Promise<void>;
}

/** A lake in this process, on a free port, with fresh data and a random token. */
export async function startTestLake(options: Partial<LakeOptions> = {}): Promise<TestLake> {
  const dataDir = options.dataDir ?? (await tempDir());
  const token = options.token ?? randomToken();
  const lake = await startLake({ port: 0, ...options, dataDir, token });
  const testLake: TestLake = {
    lake,
    dataDir,
    token,
    client: clientFor(lake.url, token),
    anonymousClient: clientFor(lake.url),
    async restart() {
      await lake.close();
      return startTestLake({ ...options, dataDir, token });
    },
    async cleanup() {
      await lake.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return testLake;
}

export interface LakeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  client: SanityClient;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string | null>;
}

/** The `lake` command (src/bin/lake.ts) as a child process (cwd = `cwd`, so its `.env.local` lands there). */
export async function startLakeProcess(options: {
  dataDir: string;
  token: string;
  cwd: string;
  env?: Record<string, string>;
}): Promise<LakeProcess> {
  const child = spawn(NODE, [MAIN], {
    cwd: options.cwd,
    // Only what the lake needs: the child must not inherit this repository's .env settings.
    env: {
      NODE_ENV: "development",
      LAKE_PORT: "0",
      LAKE_DATA_DIR: options.dataDir,
      SANITY_API_WRITE_TOKEN: options.token,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) =>
      reject(new Error(`lake exited (${String(code)}) before listening:\n${output}`)),
    );
  });
  const url = `http://127.0.0.1:${port}`;
  return { child, url, port, client: clientFor(url, options.token), exited };
}

/** Runs the `lake` command to completion (for start-up refusals) and returns its exit code and output. */
export async function runMain(
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(NODE, [MAIN], {
    cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) =>
    child.once("exit", (exitCode: number | null) => resolve(exitCode)),
  );
  return { code, output };
}

/** A valid RGBA PNG of the given size (solid colour), for upload tests. */
export function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(6, 9);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x7f)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", pixels),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Raw HTTP against the lake, for error shapes the client hides. */
export async function request(
  url: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body, headers: response.headers };
}

/**
 * Listens to `query` with `options`, waits for the welcome event, then runs `act` and collects
 * the next `count` mutation events.
 */
export async function collectMutations(
  client: SanityClient,
  query: string,
  count: number,
  act: () => Promise<unknown>,
  options: ListenOptions = { effectFormat: "mendoza", includePreviousRevision: true },
): Promise<MutationEvent[]> {
  const events = client.listen(query, {}, { ...options, events: ["welcome", "mutation"] });
  let welcomed!: () => void;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));
  const mutations = firstValueFrom(
    events.pipe(
      filter((event) => {
        if (event.type === "welcome") welcomed();
        return event.type === "mutation";
      }),
      take(count),
      toArray(),
    ),
  ) as Promise<MutationEvent[]>;
  await welcome;
  await act();
  return mutations;
}
