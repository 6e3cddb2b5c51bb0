import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AlertPost } from "@/lib/email/alert-content";

// Digests and the daily limit, with time from an injected clock: a reader's digest comes at
// their time in their zone, with the posts that reached them before it, once a day, and not at
// all on a day with nothing new. Real SMTP, both reader databases.
vi.mock("server-only", () => ({}));

const { emailMessages, readerPostAlerts } = await import("@/drizzle/schema");
const { announcePost } = await import("@/lib/email/announce");
const { deliverPending } = await import("@/lib/email/deliver");
const { planDigests } = await import("@/lib/email/digests");
const { INSTANT_ALERTS_PER_DAY } = await import("@/lib/email/settings");
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

const post = (id: string, symbols: string[], at: Date): AlertPost => ({
  id,
  title: `Post ${id}`,
  summary: `Summary of ${id}`,
  url: `${TEST_SITE_URL}/insights/${id}`,
  publishedAt: at.toISOString(),
  authorName: "Analyst",
  tickers: symbols.map((symbol) => ({
    symbol,
    note: `${symbol} in ${id}`,
    position: "none" as const,
  })),
});

const mailTo = (address: string) =>
  smtp.received.filter((entry) => entry.envelopeTo.includes(address));

describe.each(testDbKinds)("digests and the daily limit on %s", (kind) => {
  let database: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    database = await openTestDb(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** What the worker's tick does at `at`: digests that are due, then the outbox. */
  const tick = async (at: Date) => {
    const planned = await planDigests(database.db, at);
    const report = await deliverPending({
      db: database.db,
      mailer,
      siteUrl: TEST_SITE_URL,
      secret: TEST_AUTH_SECRET,
      now: () => at,
    });
    return { planned, ...report };
  };

  it("sends each reader's digest at their own time across a time-zone boundary, once", async () => {
    const db = database.db;
    // 08:00 in Tokyo is 23:00 UTC the day before; 08:00 in Los Angeles is 16:00 UTC.
    const tokyo = await createAlertReader(db, {
      name: "tokyo",
      symbols: ["IWM"],
      mode: "digest",
      timeZone: "Asia/Tokyo",
      digestMinute: 480,
    });
    const la = await createAlertReader(db, {
      name: "la",
      symbols: ["IWM", "SPY"],
      mode: "digest",
      timeZone: "America/Los_Angeles",
      digestMinute: 480,
    });
    const first = new Date(`2026-12-03T20:00:00Z`); // Tokyo Dec 4 05:00, LA Dec 3 12:00
    await announcePost(db, post(`${kind}-d1`, ["IWM"], first), first);
    await announcePost(
      db,
      post(`${kind}-d2`, ["SPY", "IWM"], new Date("2026-12-03T21:00:00Z")),
      new Date("2026-12-03T21:00:00Z"),
    );

    // 22:59 UTC: nobody's time yet (LA's 08:00 today came before the posts).
    expect((await tick(new Date("2026-12-03T22:59:00Z"))).planned).toBe(0);
    expect(mailTo(tokyo.email)).toEqual([]);

    // 23:00 UTC: Tokyo's 08:00 on December 4, with both posts; LA still waits.
    expect(await tick(new Date("2026-12-03T23:00:30Z"))).toMatchObject({ planned: 1, sent: 1 });
    const [tokyoDigest] = mailTo(tokyo.email);
    expect(tokyoDigest!.mail.subject).toBe("Your Daily Insight digest: 2 posts on IWM");
    expect(tokyoDigest!.mail.text).toContain(`IWM in ${kind}-d1`);
    expect(tokyoDigest!.mail.text).toContain(`IWM in ${kind}-d2`);
    expect(tokyoDigest!.mail.text).not.toContain(`SPY in ${kind}-d2`);
    expect(mailTo(la.email)).toEqual([]);

    // Ticks through the night send nothing twice.
    for (const at of ["2026-12-04T02:00:00Z", "2026-12-04T15:59:00Z"]) {
      expect(await tick(new Date(at))).toMatchObject({ planned: 0, sent: 0 });
    }

    // 16:00 UTC: LA's 08:00 on December 4.
    expect(await tick(new Date("2026-12-04T16:00:00Z"))).toMatchObject({ planned: 1, sent: 1 });
    const [laDigest] = mailTo(la.email);
    expect(laDigest!.mail.subject).toBe("Your Daily Insight digest: 2 posts on IWM, SPY");
    expect(laDigest!.mail.text).toContain(`SPY in ${kind}-d2`);
    const keys = (await db.select().from(emailMessages).where(eq(emailMessages.kind, "digest")))
      .map((message) => message.key)
      .sort();
    expect(keys).toEqual([`digest:${la.id}:2026-12-04`, `digest:${tokyo.id}:2026-12-04`].sort());

    // The next day has nothing new: nothing is sent.
    expect(await tick(new Date("2026-12-05T16:30:00Z"))).toMatchObject({ planned: 0, sent: 0 });
    expect(mailTo(tokyo.email)).toHaveLength(1);
    expect(mailTo(la.email)).toHaveLength(1);
  });

  it(`sends at most ${INSTANT_ALERTS_PER_DAY} instant alerts a day; the rest go into the digest`, async () => {
    const db = database.db;
    const busy = await createAlertReader(db, {
      name: "busy",
      symbols: ["NVDA"],
      mode: "instant",
      timeZone: "Europe/London",
      digestMinute: 7 * 60,
    });
    const morning = Date.parse("2026-12-10T09:00:00Z");
    const count = INSTANT_ALERTS_PER_DAY + 2;
    for (let n = 0; n < count; n++) {
      const at = new Date(morning + n * 60_000);
      await announcePost(db, post(`${kind}-busy-${n}`, ["NVDA"], at), at);
      await tick(at);
    }
    expect(mailTo(busy.email).map((entry) => entry.mail.subject)).toEqual(
      Array.from({ length: INSTANT_ALERTS_PER_DAY }, (_, n) => `NVDA: Post ${kind}-busy-${n}`),
    );
    // The next morning at 07:00 London, the two past the limit arrive together.
    expect(await tick(new Date("2026-12-11T07:00:00Z"))).toMatchObject({ planned: 1, sent: 1 });
    const digest = mailTo(busy.email).at(-1)!;
    expect(digest.mail.subject).toBe("Your Daily Insight digest: 2 posts on NVDA");
    expect(digest.mail.text).toContain(`Post ${kind}-busy-${count - 1}`);
  });

  it("keeps the daily limit when posts are announced at once (announce jobs on several instances)", async () => {
    const db = database.db;
    const reader = await createAlertReader(db, {
      name: "rush",
      symbols: ["AMD"],
      mode: "instant",
      timeZone: "Europe/London",
    });
    // More announcements at the same moment than the Postgres pool has connections.
    const at = new Date("2026-12-12T09:00:00Z");
    const count = INSTANT_ALERTS_PER_DAY + 5;
    const announced = await Promise.all(
      Array.from({ length: count }, (_, n) =>
        announcePost(db, post(`${kind}-rush-${n}`, ["AMD"], at), at),
      ),
    );
    expect(announced.map((result) => result?.readers)).toEqual(Array(count).fill(1));
    const alerts = await db
      .select({ via: readerPostAlerts.via })
      .from(readerPostAlerts)
      .where(eq(readerPostAlerts.userId, reader.id));
    expect(alerts.filter((alert) => alert.via === "instant")).toHaveLength(INSTANT_ALERTS_PER_DAY);
    expect(alerts.filter((alert) => alert.via === "digest")).toHaveLength(
      count - INSTANT_ALERTS_PER_DAY,
    );
    const messages = await db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.userId, reader.id));
    expect(messages).toHaveLength(INSTANT_ALERTS_PER_DAY);
  });
});
