import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Schedule } from "@/lib/sanity/go-live";
import { startTestLake, type TestLake } from "../../support/lake.ts";
import { serveRoute, type ServedRoute } from "../../support/route-server.ts";

// A scheduled post goes live by itself: the go-live watch (lib/sanity/go-live.ts) reads the real
// lake with goLiveQuery and, at the post's time, delivers a signed webhook to the real
// /api/revalidate route handler (served here over HTTP, on PGlite), which answers with the tags
// it revalidated. next/cache's revalidateTag is recorded, as Next runs it only in a request.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidateTag }));

const { openTestDb, useAsProcessDb } = await import("../../support/db");
const { goLiveQuery } = await import("@/lib/sanity/queries");
const { signedDelivery, watchGoLive } = await import("@/lib/sanity/go-live");

const SECRET = "go-live-test-secret";
let lake: TestLake;
let route: ServedRoute;
let url: string;
let closeDb: () => Promise<void>;
let restoreDb: () => Promise<void>;

beforeAll(async () => {
  vi.stubEnv("SANITY_WEBHOOK_SECRET", SECRET);
  const { POST } = await import("@/app/api/revalidate/route");
  const handle = await openTestDb("pglite");
  restoreDb = useAsProcessDb(handle);
  closeDb = handle.close;
  lake = await startTestLake({ seed: true });
  route = await serveRoute(POST, "/api/revalidate");
  url = route.url;
  // A post's delivery queues its email alerts: the first opens the job queue (pg-boss creating
  // its schema, seconds on a busy machine). Opened here, so the time measured is the watch's.
  await (await import("@/lib/jobs/server")).getJobQueue();
});

afterAll(async () => {
  await route?.close();
  await lake?.stop();
  await restoreDb?.();
  await closeDb?.();
});

const readSchedule = (since: string) => lake.client.fetch<Schedule>(goLiveQuery, { since });

async function schedulePost(id: string, publishedAt: Date) {
  await lake.client.createOrReplace({
    _id: id,
    _type: "post",
    title: `Scheduled ${id}`,
    slug: { _type: "slug", current: id },
    publishedAt: publishedAt.toISOString(),
    tickers: [
      {
        _key: "iwm",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: "ticker-IWM" },
        note: "Why IWM",
        position: "long",
      },
    ],
  });
}

describe("the go-live watch", () => {
  it("revalidates a scheduled post's pages at its time, not before, and once", async () => {
    const at = new Date(Date.now() + 4_000);
    await schedulePost("go-live-1", at);
    const revalidatedAt: number[] = [];
    const announce = signedDelivery(url, SECRET);
    const watch = watchGoLive({
      readSchedule,
      announce: async (post, key) => {
        await announce(post, key);
        revalidatedAt.push(Date.now());
      },
      log: () => {},
    });
    try {
      // Before its time: the post is in no reader query and nothing is revalidated.
      await watch.check();
      expect(revalidatedAt).toEqual([]);
      const live = await lake.client.fetch<string[]>(
        `*[_type == "post" && publishedAt <= now()]._id`,
      );
      expect(live).not.toContain("go-live-1");

      // At its time, by the watch's own timer (its poll is 30 s away).
      await vi.waitUntil(() => revalidatedAt.length > 0, { timeout: 8_000, interval: 50 });
      expect(revalidatedAt[0]! - at.getTime()).toBeGreaterThanOrEqual(0);
      expect(revalidatedAt[0]! - at.getTime()).toBeLessThan(3_000);
      const delivery = route.answered.at(-1)!;
      expect(delivery.status).toBe(200);
      expect((delivery.body.revalidated as string[]).sort()).toEqual(
        ["post:go-live-1", "posts", "ticker:ticker-IWM", "tickers"].sort(),
      );

      // Asked again, the post is not announced a second time.
      await watch.check();
      expect(revalidatedAt).toHaveLength(1);
    } finally {
      watch.stop();
    }
  });

  it("asks again from the same point when a revalidation failed, so none is lost", async () => {
    await schedulePost("go-live-2", new Date(Date.now() - 1_000));
    let fail = true;
    const announced: string[] = [];
    const logged: string[] = [];
    const watch = watchGoLive({
      readSchedule,
      announce: async (post) => {
        if (fail) throw new Error("site unreachable");
        announced.push(post._id);
      },
      log: (line) => logged.push(line),
    });
    try {
      await watch.check();
      expect(announced).toEqual([]);
      expect(logged.join("\n")).toMatch(/could not check scheduled posts \(site unreachable\)/);
      fail = false;
      await watch.check();
      // The catch-up window covers posts that went live before the watch started.
      expect(announced).toContain("go-live-2");
    } finally {
      watch.stop();
    }
  });

  it("refuses nothing it signs: the route accepts the watch's delivery and no forged one", async () => {
    await expect(
      signedDelivery(url, "not-the-secret")({ _id: "x", _type: "post" }, "forged"),
    ).rejects.toThrow(/answered 401/);
  });
});
