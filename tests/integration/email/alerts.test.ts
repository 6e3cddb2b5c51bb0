import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A post going live reaches exactly the readers watching its tickers with alerts on, through the
// whole worker: the announce job (pg-boss), the outbox, and a real SMTP server; on both reader
// databases, reading the post from the real lake.
vi.mock("server-only", () => ({}));

const { emailMessages, postAnnouncements, readerPostAlerts } = await import("@/drizzle/schema");
const { ANNOUNCE_QUEUE, enqueueAnnouncement } = await import("@/lib/jobs/email-jobs");
const { createAlertReader } = await import("../../support/alert-readers");
const { openTestDb, testDbKinds } = await import("../../support/db");
const { startTestEmailWorker, TEST_SITE_URL } = await import("../../support/email-worker");
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

const IWM_NOTE = "Small caps lead when rates fall: IWM is the cleanest read on breadth.";
const SPY_NOTE = "SPY is the benchmark every rotation is measured against.";

async function publishPost(id: string, publishedAt = new Date(Date.now() - 60_000)) {
  await lake.client.createOrReplace({
    _id: id,
    _type: "post",
    title: `Rotation check ${id}`,
    slug: { _type: "slug", current: id },
    publishedAt: publishedAt.toISOString(),
    summary: "Breadth is widening beyond the mega caps.",
    tickers: [
      {
        _key: "iwm",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: "ticker-IWM" },
        note: IWM_NOTE,
        position: "long",
      },
      {
        _key: "spy",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: "ticker-SPY" },
        note: SPY_NOTE,
        position: "none",
      },
    ],
  });
}

describe.each(testDbKinds)("email alerts on %s", (kind) => {
  let database: TestDb;
  let worker: Awaited<ReturnType<typeof startTestEmailWorker>>;
  beforeAll(async () => {
    database = await openTestDb(kind);
    worker = await startTestEmailWorker({ database, lake, smtpUrl: smtp.url });
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

  it("announces a post once: an edit, or a publish again, sends nothing more", async () => {
    const db = database.db;
    const reader = await createAlertReader(db, { name: "once", symbols: ["IWM"], mode: "instant" });
    const postId = `once-${kind}`;
    await publishPost(postId);
    await enqueueAnnouncement(worker.boss, postId);
    await smtp.takeMailTo(reader.email, 20_000);

    // Edited, unpublished and published again: each delivery queues the job again.
    await lake.client
      .patch(postId)
      .set({ title: `Rotation check ${postId} (edited)` })
      .commit();
    await enqueueAnnouncement(worker.boss, postId);
    await lake.client.delete(postId);
    await publishPost(postId);
    await enqueueAnnouncement(worker.boss, postId);
    await until(async () => {
      const jobs = await worker.boss.findJobs(ANNOUNCE_QUEUE, { key: postId });
      return jobs.length > 0 && jobs.every((job) => job.state === "completed");
    });
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
