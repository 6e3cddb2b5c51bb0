import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Schedule } from "@/lib/sanity/go-live";

// What makes a post's alert go out, through the real /api/revalidate route (served over HTTP)
// into the worker (pg-boss, the outbox, a real SMTP server), reading the real lake, on both
// reader databases: a scheduled post alerts its readers when the go-live watch sees its time
// come, not at its publish; a draft, or a post never published, alerts nobody and is not marked
// announced. next/cache's revalidateTag is recorded, as Next runs it only in a request.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidateTag }));

const { emailMessages, postAnnouncements } = await import("@/drizzle/schema");
const { ANNOUNCE_QUEUE } = await import("@/lib/jobs/email-jobs");
const { signedDelivery, watchGoLive } = await import("@/lib/sanity/go-live");
const { goLiveQuery } = await import("@/lib/sanity/queries");
const { createAlertReader } = await import("../../support/alert-readers");
const { alertPostDoc, IWM_NOTE, publishAlertPost } = await import("../../support/alert-posts");
const { openTestDb, testDbKinds, useAsProcessDb } = await import("../../support/db");
const { startTestEmailWorker, testMailer } = await import("../../support/email-worker");
const { startTestLake } = await import("../../support/lake");
const { freePort } = await import("../../support/ports");
const { serveRoute } = await import("../../support/route-server");
const { startTestSmtpServer } = await import("../../support/smtp");

const SECRET = "going-live-test-secret";
/** How far ahead a scheduled post is: time for its publish delivery's job to run first. */
const SCHEDULED_AHEAD_MS = 8_000;

const until = (check: () => boolean | Promise<boolean>) =>
  vi.waitUntil(check, { timeout: 30_000, interval: 100 });

let lake: Awaited<ReturnType<typeof startTestLake>>;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let route: Awaited<ReturnType<typeof serveRoute>>;
beforeAll(async () => {
  // Before anything imports lib/env, which reads it once.
  vi.stubEnv("SANITY_WEBHOOK_SECRET", SECRET);
  const { POST } = await import("@/app/api/revalidate/route");
  [lake, smtp, route] = await Promise.all([
    startTestLake({ seed: true }),
    freePort().then(startTestSmtpServer),
    serveRoute(POST, "/api/revalidate"),
  ]);
});
afterAll(async () => {
  await route?.close();
  await smtp?.close();
  await lake?.stop();
});

/** Sanity's publish webhook for a post, as the lake would send it (signed, to the route). */
const deliverWebhook = (id: string) =>
  signedDelivery(route.url, SECRET)(
    { _id: id, _type: "post", slug: id.replace(/^drafts\./, ""), tickerIds: ["ticker-IWM"] },
    `${id}-${Date.now()}`,
  );

describe.each(testDbKinds)("a post going live, through /api/revalidate, on %s", (kind) => {
  let database: Awaited<ReturnType<typeof openTestDb>>;
  let restoreDb: () => Promise<void>;
  let worker: Awaited<ReturnType<typeof startTestEmailWorker>>;
  beforeAll(async () => {
    database = await openTestDb(kind);
    // The route queues jobs on the process's job queue: this database's, opened now (pg-boss
    // creating its schema takes seconds) rather than inside the scheduled post's lead time.
    restoreDb = useAsProcessDb(database);
    await (await import("@/lib/jobs/server")).getJobQueue();
    worker = await startTestEmailWorker({ database, lake, mailer: testMailer(smtp.url) });
  });
  afterAll(async () => {
    await worker?.stop();
    await restoreDb?.();
    await database?.close();
  });

  /** The post's announce jobs, once `count` of them exist and all are done. */
  const doneJobs = async (postId: string, count: number) => {
    await until(async () => {
      const jobs = await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: postId });
      return jobs.length === count && jobs.every((job) => job.state === "completed");
    });
  };
  const announcements = (postId: string) =>
    database.db.select().from(postAnnouncements).where(eq(postAnnouncements.postId, postId));
  const messagesFor = (postId: string) =>
    database.db
      .select()
      .from(emailMessages)
      .where(sql`${postId} = any(${emailMessages.postIds})`);
  const mailTo = (address: string) =>
    smtp.received.filter((entry) => entry.envelopeTo.includes(address));

  it("alerts a scheduled post's readers once, when the go-live watch sees its time come", async () => {
    const reader = await createAlertReader(database.db, {
      name: "scheduled",
      symbols: ["IWM"],
      mode: "instant",
    });
    const postId = `go-live-${kind}`;
    const at = new Date(Date.now() + SCHEDULED_AHEAD_MS);
    await publishAlertPost(lake.client, postId, at);
    const watch = watchGoLive({
      readSchedule: (since) => lake.client.fetch<Schedule>(goLiveQuery, { since }),
      announce: signedDelivery(route.url, SECRET),
      log: () => {},
    });
    try {
      // Its publish delivery queues a job, which finds the post not visible yet.
      await deliverWebhook(postId);
      await doneJobs(postId, 1);
      expect(Date.now(), "the publish's job ran before the post's time").toBeLessThan(at.getTime());
      expect(await announcements(postId)).toEqual([]);
      expect(mailTo(reader.email)).toEqual([]);

      // At its time the watch's own timer delivers to the route: a second job announces it.
      const alert = await smtp.takeMailTo(reader.email, SCHEDULED_AHEAD_MS + 20_000);
      expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
      expect(alert.mail.subject).toBe(`IWM: Rotation check ${postId}`);
      expect(alert.mail.text).toContain(IWM_NOTE);
      await doneJobs(postId, 2);
      await until(async () => (await messagesFor(postId)).every((m) => m.status === "sent"));

      // Asked again, the watch finds nothing new; the post was announced once, to them once.
      await watch.check();
      expect(await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: postId })).toHaveLength(2);
      expect(await announcements(postId)).toHaveLength(1);
      expect((await messagesFor(postId)).map((message) => message.userId)).toEqual([reader.id]);
      expect(mailTo(reader.email)).toHaveLength(1);
    } finally {
      watch.stop();
      // The next database's watch starts with a day's catch-up: it must not find this post.
      await lake.client.delete(postId);
    }
  });

  it("alerts nobody for a draft or a post never published, and announces it when published", async () => {
    const reader = await createAlertReader(database.db, {
      name: "drafts",
      symbols: ["IWM"],
      mode: "instant",
    });
    const postId = `draft-${kind}`;
    const never = `never-${kind}`;
    // A draft only (a webhook that includes drafts sends its id), and an id with no document.
    await lake.client.create(
      alertPostDoc(`drafts.${postId}`, new Date(Date.now() - 60_000), postId),
    );
    await deliverWebhook(`drafts.${postId}`);
    await deliverWebhook(never);
    await doneJobs(postId, 1);
    await doneJobs(never, 1);
    expect(await announcements(postId)).toEqual([]);
    expect(await announcements(never)).toEqual([]);
    expect(await messagesFor(postId)).toEqual([]);
    expect(mailTo(reader.email)).toEqual([]);

    // Published at last: not marked announced before, it is announced now.
    await lake.client
      .transaction()
      .createOrReplace(alertPostDoc(postId, new Date(Date.now() - 60_000)))
      .delete(`drafts.${postId}`)
      .commit();
    await deliverWebhook(postId);
    const alert = await smtp.takeMailTo(reader.email, 20_000);
    expect(alert.mail.subject).toBe(`IWM: Rotation check ${postId}`);
    await doneJobs(postId, 2);
    expect(await announcements(postId)).toHaveLength(1);
    await lake.client.delete(postId);
  });
});
