import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rateLimitHits } from "@/drizzle/schema";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const { consumeRateLimit, magicLinkRules, MAGIC_LINK_LIMITS } =
  await import("@/lib/auth/rate-limit");

type TestDb = Awaited<ReturnType<typeof openTestDb>>;

// Times are passed in, never read from the clock: windows are fixed 15-minute slots from the
// epoch, so 09:00 starts one and 09:15 the next.
const at = (time: string) => new Date(`2026-01-16T${time}Z`);

describe.each(testDbKinds)("magic-link rate limit on %s", (kind) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const consume = (email: string, ip: string | undefined, now: Date) =>
    consumeRateLimit(handle.db, magicLinkRules(email, ip), now);

  it("allows 5 links per address in a window, then says how long to wait", async () => {
    const { limit } = MAGIC_LINK_LIMITS.perAddress;
    for (let n = 1; n <= limit; n += 1) {
      expect(await consume("a@example.com", `192.0.2.${n}`, at("09:01:00"))).toEqual({
        allowed: true,
      });
    }
    expect(await consume("a@example.com", "192.0.2.99", at("09:03:30"))).toEqual({
      allowed: false,
      key: "email:a@example.com",
      retryAfterMs: 11.5 * 60_000,
    });
    // Another address from the same place is counted on its own.
    expect(await consume("b@example.com", "192.0.2.99", at("09:03:30"))).toEqual({
      allowed: true,
    });
  });

  it("allows 20 links per IP in a window, whatever the addresses", async () => {
    const { limit } = MAGIC_LINK_LIMITS.perIp;
    for (let n = 1; n <= limit; n += 1) {
      const verdict = await consume(`reader${n}@example.com`, "198.51.100.7", at("10:14:00"));
      expect(verdict, `request ${n}`).toEqual({ allowed: true });
    }
    expect(await consume("one-more@example.com", "198.51.100.7", at("10:14:00"))).toEqual({
      allowed: false,
      key: "ip:198.51.100.7",
      retryAfterMs: 60_000,
    });
    expect(await consume("one-more@example.com", "198.51.100.8", at("10:14:00"))).toEqual({
      allowed: true,
    });
  });

  it("starts counting afresh in the next window", async () => {
    const { limit } = MAGIC_LINK_LIMITS.perAddress;
    for (let n = 0; n <= limit; n += 1) await consume("c@example.com", undefined, at("11:10:00"));
    expect((await consume("c@example.com", undefined, at("11:14:59"))).allowed).toBe(false);
    expect((await consume("c@example.com", undefined, at("11:15:00"))).allowed).toBe(true);
  });

  it("counts requests that arrive together exactly once each", async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () => consume("d@example.com", undefined, at("12:00:00"))),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(
      MAGIC_LINK_LIMITS.perAddress.limit,
    );
    const [row] = await handle.db
      .select({ hits: rateLimitHits.hits })
      .from(rateLimitHits)
      .where(sql`${rateLimitHits.key} = 'email:d@example.com'`);
    expect(row?.hits).toBe(12);
  });

  it("forgets windows that have ended when a new one starts", async () => {
    await consume("e@example.com", "203.0.113.1", at("13:00:00"));
    const keysBefore = await keys();
    expect(keysBefore).toContain("email:e@example.com");
    // Two hours on, the first request of a new window sweeps every ended window.
    await consume("f@example.com", undefined, at("15:00:00"));
    expect(await keys()).toEqual(["email:f@example.com"]);
  });

  const keys = async () =>
    (await handle.db.select({ key: rateLimitHits.key }).from(rateLimitHits)).map((row) => row.key);
});
