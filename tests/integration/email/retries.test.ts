import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Failed sends: a temporary refusal (4xx) is retried with backoff until it passes; a permanent
// one (5xx) is tried a few times, then the message is failed and the reader's alerts stop until
// they save their settings again. Time from an injected clock; a real SMTP server refusing.
vi.mock("server-only", () => ({}));

const { alertSettings, emailMessages } = await import("@/drizzle/schema");
const { announcePost } = await import("@/lib/email/announce");
const { deliverPending } = await import("@/lib/email/deliver");
const { MAX_PERMANENT_ATTEMPTS, retryDelayMs } = await import("@/lib/email/outbox");
const { saveAlertPreferences } = await import("@/lib/email/settings");
const { createAlertReader } = await import("../../support/alert-readers");
const { openTestDb, testDbKinds } = await import("../../support/db");
const { startTestMailRoom, TEST_AUTH_SECRET, TEST_SITE_URL } =
  await import("../../support/email-worker");

let room: Awaited<ReturnType<typeof startTestMailRoom>>;
let smtp: typeof room.smtp;
let mailer: typeof room.mailer;
beforeAll(async () => {
  room = await startTestMailRoom();
  ({ smtp, mailer } = room);
});
afterAll(() => room?.close());

const post = (id: string, at: Date, symbol = "QQQ") => ({
  id,
  title: `Post ${id}`,
  summary: null,
  url: `${TEST_SITE_URL}/insights/${id}`,
  publishedAt: at.toISOString(),
  authorName: null,
  tickers: [{ symbol, note: `Why ${symbol}`, position: null }],
});

describe.each(testDbKinds)("failed sends on %s", (kind) => {
  let database: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    database = await openTestDb(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  const deliverAt = (at: Date) =>
    deliverPending({
      db: database.db,
      mailer,
      siteUrl: TEST_SITE_URL,
      secret: TEST_AUTH_SECRET,
      now: () => at,
      log: () => {},
    });
  const messageOf = async (userId: string) =>
    (await database.db.select().from(emailMessages).where(eq(emailMessages.userId, userId)))[0]!;

  it("retries a temporary refusal with backoff, not before its time, and sends it once it passes", async () => {
    const reader = await createAlertReader(database.db, {
      name: "greylisted",
      symbols: ["QQQ"],
      mode: "instant",
    });
    const t0 = new Date("2026-12-07T14:00:00Z");
    await announcePost(database.db, post(`${kind}-temp`, t0), t0);
    smtp.refuse(reader.email, 450);
    expect(await deliverAt(t0)).toMatchObject({ retried: 1, sent: 0 });
    const waiting = await messageOf(reader.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(waiting.lastError).toMatch(/450/);

    // Before its time nothing is tried; after it, the second try is refused again, later.
    expect(await deliverAt(new Date(t0.getTime() + retryDelayMs(1) - 1_000))).toMatchObject({
      retried: 0,
      sent: 0,
    });
    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    expect(await deliverAt(t1)).toMatchObject({ retried: 1 });
    expect((await messageOf(reader.id)).nextAttemptAt.getTime()).toBe(
      t1.getTime() + retryDelayMs(2),
    );

    smtp.refuse(reader.email, null);
    expect(await deliverAt(new Date(t1.getTime() + retryDelayMs(2)))).toMatchObject({ sent: 1 });
    expect(await messageOf(reader.id)).toMatchObject({ status: "sent", attempts: 3 });
    expect(smtp.received.filter((entry) => entry.envelopeTo.includes(reader.email))).toHaveLength(
      1,
    );
  });

  it(`stops after ${MAX_PERMANENT_ATTEMPTS} permanent refusals, marks the reader, and sends them nothing more`, async () => {
    const reader = await createAlertReader(database.db, {
      name: "bouncing",
      symbols: ["AAPL"],
      mode: "instant",
    });
    let at = new Date("2026-12-08T14:00:00Z");
    await announcePost(database.db, post(`${kind}-perm-1`, at, "AAPL"), at);
    smtp.refuse(reader.email, 550);
    for (let attempt = 1; attempt <= MAX_PERMANENT_ATTEMPTS; attempt++) {
      const report = await deliverAt(at);
      expect(report.sent).toBe(0);
      if (attempt < MAX_PERMANENT_ATTEMPTS) expect(report.retried).toBe(1);
      else expect(report.failed).toBe(1);
      at = new Date(at.getTime() + retryDelayMs(attempt));
    }
    expect(await messageOf(reader.id)).toMatchObject({
      status: "failed",
      attempts: MAX_PERMANENT_ATTEMPTS,
    });
    const [settings] = await database.db
      .select()
      .from(alertSettings)
      .where(eq(alertSettings.userId, reader.id));
    expect(settings!.failingSince).not.toBeNull();

    // The next post does not even queue a message for them; saving the settings starts over.
    smtp.refuse(reader.email, null);
    await announcePost(database.db, post(`${kind}-perm-2`, at, "AAPL"), at);
    expect(await deliverAt(at)).toMatchObject({ sent: 0 });
    await saveAlertPreferences(database.db, reader.id, {
      mode: "instant",
      digestTime: 480,
      timeZone: "UTC",
    });
    const later = new Date(at.getTime() + 60_000);
    await announcePost(database.db, post(`${kind}-perm-3`, later, "AAPL"), later);
    expect(await deliverAt(later)).toMatchObject({ sent: 1 });
    expect(
      smtp.received
        .filter((entry) => entry.envelopeTo.includes(reader.email))
        .map((e) => e.mail.subject),
    ).toEqual([`AAPL: Post ${kind}-perm-3`]);
  });
});
