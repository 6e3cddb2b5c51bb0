import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../support/ports.ts";

// `npm run dev`'s server (scripts/site-server.ts dev) as a developer runs it: it must not be
// reachable from the network, and /dev/mailbox, which lists working sign-in links, answers only
// a browser on this machine that asks for this machine by name.
// Next allows one `next dev` per checkout: stop your own `npm run dev` before running this file.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");

/** The first IPv4 address of this machine that is not loopback (its network interface). */
function networkAddress(): string {
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === "IPv4" && !entry.internal) return entry.address;
    }
  }
  throw new Error("this test needs a network interface besides loopback");
}

interface Answer {
  status: number;
  body: string;
}

/** A GET with a chosen Host header, from a chosen local address. */
function get(
  address: string,
  port: number,
  pathname: string,
  {
    host = `localhost:${port}`,
    headers = {},
  }: { host?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: address, port, path: pathname, headers: { host, ...headers }, localAddress: address },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function startDevServer(port: number, env: Record<string, string>) {
  const child = spawn(NODE, [path.join(ROOT, "scripts/site-server.ts"), "dev"], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "development", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes("site: http://")) {
    if (child.exitCode !== null) throw new Error(`the dev server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the dev server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

describe("npm run dev", () => {
  let dataDir: string;
  let child: ChildProcess | undefined;
  let port: number;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "dev-server-"));
    port = await freePort();
  });
  afterAll(async () => {
    await stop(child);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("listens on loopback only, and shows the mailbox to this machine only", async () => {
    child = await startDevServer(port, { PGLITE_DATA_DIR: path.join(dataDir, "pglite") });
    const mailbox = await get("127.0.0.1", port, "/dev/mailbox");
    expect(mailbox.status).toBe(200);
    expect(mailbox.body).toContain(
      "Sign-in emails and watchlist alerts from this development server",
    );
    // Another address of this machine, as a neighbour on the network would reach it: refused.
    await expect(get(networkAddress(), port, "/dev/mailbox")).rejects.toThrow(/ECONNREFUSED/);
    await expect(get("127.0.0.2", port, "/")).rejects.toThrow(/ECONNREFUSED/);
    // A page whose own host name now resolves to 127.0.0.1 (DNS rebinding) asks for that name.
    expect(
      (await get("127.0.0.1", port, "/dev/mailbox", { host: `evil.example:${port}` })).status,
    ).toBe(404);
    // What a client claims in X-Forwarded-For is not where it connects from.
    expect(
      (
        await get("127.0.0.1", port, "/dev/mailbox", {
          headers: { "x-forwarded-for": "198.51.100.1" },
        })
      ).status,
    ).toBe(200);
    await stop(child);

    // Asked to listen everywhere, it does, and still keeps the mailbox from other machines.
    child = await startDevServer(port, {
      PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
      LISTEN_HOST: "0.0.0.0",
    });
    const fromNetwork = await get(networkAddress(), port, "/dev/mailbox");
    expect(fromNetwork.status).toBe(404);
    expect(fromNetwork.body).not.toContain(
      "Sign-in emails and watchlist alerts from this development server",
    );
    const forged = await get(networkAddress(), port, "/dev/mailbox", {
      headers: { "x-forwarded-for": "127.0.0.1" },
    });
    expect(forged.status).toBe(404);
    expect((await get("127.0.0.1", port, "/dev/mailbox")).status).toBe(200);
  }, 180_000);
});
