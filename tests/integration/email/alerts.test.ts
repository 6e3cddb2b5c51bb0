import { eq, sql } from "drizzle-orm";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A post going live reaches exactly the readers watching its tickers with alerts on, through the
// whole worker: the announce job (pg-boss), the outbox, and a real SMTP server; on both reader
// databases, reading the post from the real lake. In development without EMAIL_SERVER, the same
// alert lands in the dev mailbox instead.
vi.mock("server-only", () => ({}));

const { emailMessages, postAnnouncements, readerPostAlerts } = await import("@/drizzle/schema");
const { readDevMailbox } = await import("@/lib/auth/dev-mailbox");
const { alertMailer } = await import("@/lib/email/mailer");
const { ANNOUNCE_QUEUE, createEmailQueues, enqueueAnnouncement } =
  await import("@/lib/jobs/email-jobs");
const { openJobQueue } = await import("@/lib/jobs/queue");
const { createAlertReader } = await import("../../support/alert-readers");
const { IWM_NOTE, publishAlertPost, SPY_NOTE } = await import("../../support/alert-posts");
const { openTestDb, testDbKinds } = await import("../../support/db");
const { startTestEmailWorker, TEST_SITE_URL, testMailer } =
  await import("../../support/email-worker");
const { startTestLake } = await import("../../support/lake");
const { freePort } = await import("../../support/ports");
const { startTestSmtpServer } = await import("../../support/smtp");

type TestDb = Awaited<ReturnType<typeof openTestDb>>;
type TestLake = Awaited<ReturnType<typeof startTestLake>>;
type Smtp = Awaited<ReturnType<typeof startTestSmtpServer>>;

const until = (check: () => boolean | Promise<boolean>) =>
  vi.waitUntil(check, { timeout: 20_000, interval: 100 });

let lake: TestLake;
let smtp: Smtp;
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

const publishPost = (id: string, publishedAt?: Date) =>
  publishAlertPost(lake.client, id, publishedAt);

describe.each(testDbKinds)("email alerts on %s", (kind) => {
  let database: TestDb;
  let worker: Awaited<ReturnType<typeof startTestEmailWorker>>;
  beforeAll(async () => {
    database = await openTestDb(kind);
    worker = await startTestEmailWorker({ database, lake, mailer: testMailer(smtp.url) });
  });
  afterAll(async () => {
    await worker?.stop();
    await database?.close();
  });

  const messagesFor = (postId: string) =>
    database.db
      .select()
      .from(emailMessages)
      .where(sql`${postId} = any(${emailMessages.postIds})`);

  it("alerts exactly the readers watching the post's tickers with alerts on, with their notes", async () => {
    const db = database.db;
    const iwm = await createAlertReader(db, { name: "iwm", symbols: ["IWM"], mode: "instant" });
    const spy = await createAlertReader(db, {
      name: "spy",
      symbols: ["SPY", "QQQ"],
      mode: "instant",
    });
    const both = await createAlertReader(db, {
      name: "both",
      symbols: ["SPY", "IWM"],
      mode: "instant",
    });
    const off = await createAlertReader(db, { name: "off", symbols: ["IWM"], mode: "off" });
    const other = await createAlertReader(db, { name: "nvda", symbols: ["NVDA"], mode: "instant" });
    const digest = await createAlertReader(db, {
      name: "digest",
      symbols: ["IWM"],
      mode: "digest",
    });
    const postId = `alert-${kind}`;
    await publishPost(postId);
    await enqueueAnnouncement(worker.boss, postId);

    const [toIwm, toSpy, toBoth] = await Promise.all(
      [iwm, spy, both].map((reader) => smtp.takeMailTo(reader.email, 20_000)),
    );
    const article = `${TEST_SITE_URL}/insights/${postId}`;

    expect(toIwm!.mail.subject).toBe(`IWM: Rotation check ${postId}`);
    expect(toIwm!.mail.text).toContain("Why IWM matters here");
    expect(toIwm!.mail.text).toContain(IWM_NOTE);
    expect(toIwm!.mail.text).toContain("Author position: long IWM");
    expect(toIwm!.mail.text).not.toContain(SPY_NOTE);
    expect(toIwm!.mail.html).toContain(`href="${article}"`);

    expect(toSpy!.mail.text).toContain(SPY_NOTE);
    expect(toSpy!.mail.text).not.toContain(IWM_NOTE);
    // In the post's order, whatever the reader's list order.
    expect(toBoth!.mail.subject).toBe(`IWM, SPY: Rotation check ${postId}`);
    expect(toBoth!.mail.text!.indexOf(IWM_NOTE)).toBeLessThan(toBoth!.mail.text!.indexOf(SPY_NOTE));

    // RFC 8058 one-click unsubscribe, signed for this reader.
    const header = (name: string) =>
      toIwm!.mail.headerLines.find((line) => line.key === name)?.line.replace(/\r?\n\s+/g, " ");
    expect(header("list-unsubscribe")).toMatch(
      new RegExp(`^List-Unsubscribe: <${TEST_SITE_URL}/api/unsubscribe\\?token=[\\w.-]+>$`),
    );
    expect(header("list-unsubscribe-post")).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(toIwm!.mail.text).toMatch(new RegExp(`${TEST_SITE_URL}/unsubscribe\\?token=[\\w.-]+`));

    // Once every message is marked sent, nobody else got one; the digest reader's post waits.
    await until(async () => (await messagesFor(postId)).every((m) => m.status === "sent"));
    const sentTo = (await messagesFor(postId)).map((m) => m.userId).sort();
    expect(sentTo).toEqual([iwm.id, spy.id, both.id].sort());
    const recipients = smtp.received
      .filter((entry) => entry.mail.subject?.endsWith(postId))
      .flatMap((entry) => entry.envelopeTo);
    expect(recipients.sort()).toEqual([iwm.email, spy.email, both.email].sort());
    for (const reader of [off, other]) expect(recipients).not.toContain(reader.email);
    const waiting = await db
      .select()
      .from(readerPostAlerts)
      .where(eq(readerPostAlerts.userId, digest.id));
    expect(waiting).toMatchObject([{ postId, via: "digest", messageKey: null, symbols: ["IWM"] }]);
  });

  it("keeps a delivery that arrives while the post's announcement runs, as one more job", async () => {
    // A queue of its own, with no worker: this test holds the first job active itself.
    const own = await openTestDb(kind);
    const boss = await openJobQueue(own.store, { log: () => {} });
    try {
      await createEmailQueues(boss);
      const postId = `overlap-${kind}`;
      const states = async () =>
        (await boss.findJobs(ANNOUNCE_QUEUE, { key: postId })).map((job) => job.state).sort();
      await enqueueAnnouncement(boss, postId);
      expect(await boss.fetch(ANNOUNCE_QUEUE)).toHaveLength(1);
      // The post became visible while that job read it: this delivery must not be dropped.
      await enqueueAnnouncement(boss, postId);
      expect(await states()).toEqual(["active", "created"]);
      // Any number more while one waits are that one: it reads the post when it runs.
      await enqueueAnnouncement(boss, postId);
      expect(await states()).toEqual(["active", "created"]);
    } finally {
      await boss.stop({ graceful: false, close: true });
      await own.close();
    }
  });

  /** Queues the post's announcement and waits until its job is done (one job per delivery,
   * each run after the one before). */
  const announceAndWait = async (postId: string) => {
    const before = (await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: postId })).length;
    await enqueueAnnouncement(worker.boss, postId);
    await until(async () => {
      const jobs = await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: postId });
      return jobs.length === before + 1 && jobs.every((job) => job.state === "completed");
    });
  };

  it("announces a post once: an edit, or a publish again, sends nothing more", async () => {
    const db = database.db;
    const reader = await createAlertReader(db, { name: "once", symbols: ["IWM"], mode: "instant" });
    const postId = `once-${kind}`;
    await publishPost(postId);
    await announceAndWait(postId);
    await smtp.takeMailTo(reader.email, 20_000);

    // Edited, then unpublished and published again: each delivery's job runs, and sends nothing.
    await lake.client
      .patch(postId)
      .set({ title: `Rotation check ${postId} (edited)` })
      .commit();
    await announceAndWait(postId);
    await lake.client.delete(postId);
    await publishPost(postId);
    await announceAndWait(postId);
    expect(await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: postId })).toHaveLength(3);
    await until(async () => (await messagesFor(postId)).every((m) => m.status === "sent"));
    const mine = (await messagesFor(postId)).filter((message) => message.userId === reader.id);
    expect(mine).toHaveLength(1);
    expect(smtp.received.filter((entry) => entry.envelopeTo.includes(reader.email))).toHaveLength(
      1,
    );
    expect(
      await db.select().from(postAnnouncements).where(eq(postAnnouncements.postId, postId)),
    ).toHaveLength(1);
  });

  it("announces nothing for a scheduled post before its time, nor for an old post edited", async () => {
    const db = database.db;
    const reader = await createAlertReader(db, {
      name: "early",
      symbols: ["IWM"],
      mode: "instant",
    });
    const scheduled = `scheduled-${kind}`;
    const old = `old-${kind}`;
    await publishPost(scheduled, new Date(Date.now() + 3_600_000));
    await publishPost(old, new Date(Date.now() - 3 * 86_400_000));
    await enqueueAnnouncement(worker.boss, scheduled);
    await enqueueAnnouncement(worker.boss, old);
    await until(async () => {
      const jobs = [
        ...(await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: scheduled })),
        ...(await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: old })),
      ];
      return jobs.length === 2 && jobs.every((job) => job.state === "completed");
    });
    expect(
      await db.select().from(postAnnouncements).where(eq(postAnnouncements.postId, scheduled)),
    ).toEqual([]);
    expect(
      await db.select().from(postAnnouncements).where(eq(postAnnouncements.postId, old)),
    ).toEqual([]);
    expect(smtp.received.filter((entry) => entry.envelopeTo.includes(reader.email))).toEqual([]);
  });
});

describe.each(testDbKinds)("email alerts in development without EMAIL_SERVER on %s", (kind) => {
  let database: TestDb;
  let worker: Awaited<ReturnType<typeof startTestEmailWorker>>;
  let dir: string;
  let mailbox: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dev-mailbox-"));
    mailbox = path.join(dir, "dev-mailbox.json");
    database = await openTestDb(kind);
    const mailer = alertMailer(
      {
        NODE_ENV: "development",
        EMAIL_SERVER: undefined,
        EMAIL_FROM: "Daily Insight <alerts@insight.example>",
      },
      mailbox,
    );
    if (!mailer) throw new Error("alertMailer gave no mailer in development");
    worker = await startTestEmailWorker({ database, lake, mailer });
  });
  afterAll(async () => {
    await worker?.stop();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("puts the alert in the dev mailbox, with what /dev/mailbox shows of it", async () => {
    const reader = await createAlertReader(database.db, {
      name: "dev",
      symbols: ["IWM"],
      mode: "instant",
    });
    const postId = `dev-${kind}`;
    await publishPost(postId);
    await enqueueAnnouncement(worker.boss, postId);
    await until(async () => {
      const [message] = await database.db
        .select()
        .from(emailMessages)
        .where(eq(emailMessages.userId, reader.id));
      return message?.status === "sent";
    });

    const article = `${TEST_SITE_URL}/insights/${postId}`;
    const mails = readDevMailbox(mailbox);
    // The page links the subject to `url` and shows the text of a message with an HTML part.
    expect(mails).toMatchObject([
      { to: reader.email, subject: `IWM: Rotation check ${postId}`, url: article },
    ]);
    expect(mails[0]!.text).toContain(IWM_NOTE);
    expect(mails[0]!.html).toContain(`href="${article}"`);
    expect(smtp.received.filter((entry) => entry.envelopeTo.includes(reader.email))).toEqual([]);
  });
});
