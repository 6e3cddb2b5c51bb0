import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PgBoss } from "pg-boss";
import { openJobQueue } from "@/lib/jobs/queue";
import { openTestDb, testDbKinds, type TestDb } from "../../support/db";

// The durable queue on both reader databases: pg-boss on the Postgres server, and on PGlite
// through pg-boss's own adapter. A job is done once however many workers share the queue, it
// outlives the queue that took it, and a failing one is tried again.

const quiet = () => {};
/** Waits for `check` (vitest's vi.waitUntil, which fails the test at its timeout). */
const until = (check: () => boolean | Promise<boolean>, interval = 50) =>
  vi.waitUntil(check, { timeout: 20_000, interval });

describe.each(testDbKinds)("the job queue on %s", (kind) => {
  let database: TestDb;
  const open: PgBoss[] = [];
  const queue = async () => {
    const boss = await openJobQueue(database.store, { log: quiet });
    open.push(boss);
    return boss;
  };
  beforeAll(async () => {
    database = await openTestDb(kind);
  });
  afterAll(async () => {
    for (const boss of open) await boss.stop({ graceful: false, close: true }).catch(quiet);
    await database?.close();
  });

  it("does each job once, whichever of two workers claims it", async () => {
    const [a, b] = [await queue(), await queue()];
    await a.createQueue("once");
    const done: Array<{ worker: string; n: number }> = [];
    const worker = (name: string) => async (jobs: Array<{ data: { n: number } }>) => {
      for (const job of jobs) done.push({ worker: name, n: job.data.n });
    };
    await a.work("once", { pollingIntervalSeconds: 0.5, batchSize: 3 }, worker("a"));
    await b.work("once", { pollingIntervalSeconds: 0.5, batchSize: 3 }, worker("b"));
    for (let n = 0; n < 30; n++) await a.send("once", { n });
    await until(async () => {
      const jobs = await a.findJobs("once");
      return jobs.length === 30 && jobs.every((job) => job.state === "completed");
    });
    // Both workers stopped, their handlers finished: no job can be done again after this.
    await Promise.all([a, b].map((boss) => boss.offWork("once", { wait: true })));
    expect(done.map((entry) => entry.n).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 30 }, (_, n) => n),
    );
  });

  it("keeps a job sent before its queue stopped, for the next one to do", async () => {
    const first = await queue();
    await first.createQueue("kept");
    const id = await first.send("kept", { post: "p1" });
    await first.stop({ graceful: false, close: false });
    const second = await queue();
    const seen: string[] = [];
    await second.work("kept", { pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) seen.push(job.id);
    });
    await until(() => seen.length > 0);
    expect(seen).toEqual([id]);
  });

  it("tries a failed job again, then completes it", async () => {
    const boss = await queue();
    await boss.createQueue("retry", { retryLimit: 3, retryDelay: 1 });
    let attempts = 0;
    await boss.work("retry", { pollingIntervalSeconds: 0.5 }, async () => {
      attempts++;
      if (attempts === 1) throw new Error("the SMTP server is away");
    });
    const id = await boss.send("retry", {});
    await until(async () => (await boss.getJobById("retry", id!))?.state === "completed", 200);
    expect(attempts).toBe(2);
  });
});
