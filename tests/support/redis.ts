// A Redis server of the test's own (Debian's redis-server) on a free port, keeping nothing on
// disk: a test that stops Redis, or watches what the site writes to it, never touches the one
// on 6379.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./ports.ts";

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (as an outage would); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      // DEBUG SLEEP: a Redis that is connected but answers nothing (a slow one).
      "--enable-debug-command",
      "local",
    ];
    const server = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    child = server;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      };
      server.stdout?.on("data", onData);
      server.stderr?.on("data", onData);
      server.once("error", reject);
      server.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
