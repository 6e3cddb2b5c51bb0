import { PGlite } from "@electric-sql/pglite";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import type { JobStore } from "@/lib/jobs/queue";

// `npm run worker` killed (SIGKILL) in the middle of a 1,000-reader fan-out and started again:
// every reader gets exactly one message. The worker is a real separate process on the reader
// database (a PGlite folder, or the Postgres server); the SMTP server stalls after 300 messages,
// so the worker dies with messages in flight that were never accepted, the case the outbox's
// leases exist for. (A message accepted in the moment before its "sent" was committed would be
// sent again; `npm run bench -- email` measures that window.)
vi.mock("server-only", () => ({}));

const schema = await import("@/drizzle/schema");
const { emailMessages } = schema;
const { migratePglite } = await import("@/lib/db/migrate");
const { enqueueAnnouncement, createEmailQueues } = await import("@/lib/jobs/email-jobs");
const { openJobQueue } = await import("@/lib/jobs/queue");
const { createAlertReaders } = await import("../../support/alert-readers");
const { openTestDb } = await import("../../support/db");
const { TEST_AUTH_SECRET, TEST_SITE_URL } = await import("../../support/email-worker");
const { startTestLake } = await import("../../support/lake");
const { freePort } = await import("../../support/ports");
const { startTestSmtpServer } = await import("../../support/smtp");

const READERS = 1_000;
const STALL_AFTER = 300;
const LEASE_SECONDS = 5;

let lake: Awaited<ReturnType<typeof startTestLake>>;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  [lake, smtp] = await Promise.all([
    startTestLake({ seed: true }),
    freePort().then(startTestSmtpServer),
  ]);
});
afterAll(async () => {
  await smtp?.close();
  await lake?.stop();
});

/** The reader database as the worker process and this test take turns to open it. */
interface WorkerDatabase {
  env: Record<string, string>;
  /** Runs `work` with the database open in this process (PGlite: never while the worker is up). */
  use<T>(work: (db: Db, store: JobStore) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function pgliteFolder(): Promise<WorkerDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "worker-kill-"));
  return {
    env: { PGLITE_DATA_DIR: dir },
    async use(work) {
      const client = await PGlite.create(dir);
      try {
        await migratePglite(client);
        return await work(drizzlePglite({ client, schema }) as unknown as Db, {
          kind: "pglite",
          client,
        });
      } finally {
        await client.close();
      }
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(): Promise<WorkerDatabase> {
  const test = await openTestDb("postgres");
  if (test.store.kind !== "postgres") throw new Error("expected Postgres");
  return {
    env: { DATABASE_URL: test.store.connectionString },
    use: (work) => work(test.db, test.store),
    close: () => test.close(),
  };
}

function startWorker(database: WorkerDatabase): ChildProcess {
  // One process (tsx as a loader, not its CLI, which would run the worker as a child of its own).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "development",
      SITE_URL: TEST_SITE_URL,
      AUTH_SECRET: TEST_AUTH_SECRET,
      LAKE_HOST: "127.0.0.1",
      LAKE_PORT: new URL(lake.url).port,
      EMAIL_SERVER: smtp.url,
      EMAIL_FROM: "alerts@insight.example",
      EMAIL_LEASE_SECONDS: String(LEASE_SECONDS),
      ...database.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGKILL")
      console.error(`worker exited ${code ?? signal}:\n${output}`);
  });
  return child;
}

/** For a wait: fails it at once when the worker has died by itself. */
function stillRunning(child: ChildProcess): true {
  if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}`);
  return true;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

describe.each([
  ["pglite", pgliteFolder],
  ["postgres", postgresDatabase],
] as const)("a worker killed mid fan-out on %s", (kind, open) => {
  let database: WorkerDatabase;
  let worker: ChildProcess | undefined;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    worker?.kill("SIGKILL");
    await database?.close();
  });

  it(
    `restarted, leaves each of ${READERS} readers exactly one message`,
    { timeout: 240_000 },
    async () => {
      const postId = `fan-out-${kind}`;
      await lake.client.createOrReplace({
        _id: postId,
        _type: "post",
        title: `Fan-out ${kind}`,
        slug: { _type: "slug", current: postId },
        publishedAt: new Date(Date.now() - 60_000).toISOString(),
        tickers: [
          {
            _key: "iwm",
            _type: "tickerMention",
            ticker: { _type: "reference", _ref: "ticker-IWM" },
            note: "Breadth.",
            position: "none",
          },
        ],
      });
      const first = smtp.received.length;
      const readers = await database.use(async (db, store) => {
        const created = await createAlertReaders(
          db,
          Array.from({ length: READERS }, (_, n) => ({
            name: `r${n}`,
            symbols: ["IWM"],
            mode: "instant" as const,
          })),
        );
        // The webhook's part: the post's announcement queued.
        const boss = await openJobQueue(store, { log: () => {} });
        await createEmailQueues(boss);
        await enqueueAnnouncement(boss, postId);
        await boss.stop({ graceful: false, close: false });
        return created;
      });

      smtp.stallAfter(first + STALL_AFTER);
      worker = startWorker(database);
      // The relay stops answering mid-batch: the worker waits on messages it sent but that were not
      // accepted. Killed there, without a chance to clean up.
      await vi.waitUntil(() => stillRunning(worker!) && smtp.stalled() > 0, {
        timeout: 90_000,
        interval: 50,
      });
      worker.kill("SIGKILL");
      await exited(worker);
      const beforeRestart = smtp.received.length - first;
      expect(beforeRestart).toBe(STALL_AFTER);

      smtp.resume();
      worker = startWorker(database);
      const addresses = new Set(readers.map((reader) => reader.email));
      const delivered = () =>
        smtp.received.slice(first).filter((entry) => addresses.has(entry.envelopeTo[0]!)).length;
      await vi.waitUntil(() => stillRunning(worker!) && delivered() >= READERS, {
        timeout: 180_000,
        interval: 200,
      });

      // Done is known from the outbox, not from waiting: stop the worker, then every message is
      // marked sent, and each reader received exactly one.
      worker.kill("SIGTERM");
      await exited(worker);
      const statuses = await database.use(async (db) =>
        (await db.select({ status: emailMessages.status }).from(emailMessages)).map(
          (row) => row.status,
        ),
      );
      expect(statuses).toHaveLength(READERS);
      expect(statuses.every((status) => status === "sent")).toBe(true);
      const perReader = new Map<string, number>();
      for (const entry of smtp.received.slice(first)) {
        for (const to of entry.envelopeTo) perReader.set(to, (perReader.get(to) ?? 0) + 1);
      }
      expect(perReader.size).toBe(READERS);
      expect([...perReader.values()].every((n) => n === 1)).toBe(true);
    },
  );
});
