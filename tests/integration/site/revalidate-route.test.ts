import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The route handler as Next runs it, with next/cache's revalidateTag recorded instead of run,
// over a real reader database (PGlite and the Postgres server) for its memory of deliveries.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidateTag }));

const { openTestDb, testDbKinds, useAsProcessDb } = await import("../../support/db");

const SECRET = "test-webhook-secret";
const MINUTE = 60_000;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv("SANITY_WEBHOOK_SECRET", SECRET);
  ({ POST } = await import("@/app/api/revalidate/route"));
});
beforeEach(() => revalidateTag.mockClear());

interface Delivery {
  body?: unknown;
  secret?: string;
  /** When the signature says it was made. */
  signedAt?: number;
  idempotencyKey?: string;
  /** A ready signature header, to replay one exactly. */
  signature?: string;
}

async function signedRequest({
  body = { _id: "post-1", _type: "post", slug: "great-rotation" },
  secret = SECRET,
  signedAt = Date.now(),
  idempotencyKey,
  signature,
}: Delivery = {}) {
  const payload = JSON.stringify(body);
  const header = signature ?? (await encodeSignatureHeader(payload, signedAt, secret));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    [SIGNATURE_HEADER_NAME]: header,
  };
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  return {
    header,
    request: new Request("http://localhost/api/revalidate", {
      method: "POST",
      headers,
      body: payload,
    }),
  };
}

async function deliver(delivery: Delivery = {}) {
  return POST((await signedRequest(delivery)).request);
}

const revalidatedTags = () => revalidateTag.mock.calls.map(([tag]) => tag as string).sort();

describe.each(testDbKinds)("POST /api/revalidate on %s", (kind) => {
  let close: () => Promise<void>;
  let restoreDb: () => Promise<void>;
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(kind);
    restoreDb = useAsProcessDb(handle);
    close = handle.close;
  });
  afterAll(async () => {
    await restoreDb();
    await close();
  });

  it("expires exactly the post, its tickers before and after, and the lists, at once", async () => {
    const response = await deliver({
      body: {
        _id: "post-1",
        _type: "post",
        slug: "great-rotation",
        tickerIds: ["ticker-IWM", "ticker-QQQ"],
        before: { slug: "great-rotation", tickerIds: ["ticker-IWM", "ticker-SPY"] },
        operation: "update",
      },
    });
    expect(response.status).toBe(200);
    const expected = [
      "post:great-rotation",
      "post:post-1",
      "posts",
      "ticker:ticker-IWM",
      "ticker:ticker-QQQ",
      "ticker:ticker-SPY",
      "tickers",
    ];
    expect(((await response.json()) as { revalidated: string[] }).revalidated.sort()).toEqual(
      expected,
    );
    expect(revalidatedTags()).toEqual(expected);
    // Not 'max': the next reader must get the published change, not the stale page.
    for (const [, profile] of revalidateTag.mock.calls) expect(profile).toEqual({ expire: 0 });
  });

  it("refuses a bad signature and revalidates nothing", async () => {
    const response = await deliver({ secret: "wrong-secret" });
    expect(response.status).toBe(401);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("rejects a signed body it cannot read", async () => {
    const response = await deliver({ body: { _type: "post" } });
    expect(response.status).toBe(400);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("refuses a signature made more than 5 minutes ago or ahead, however valid", async () => {
    for (const signedAt of [
      Date.now() - 30 * 24 * 60 * MINUTE,
      Date.now() + 365 * 24 * 60 * MINUTE,
      Date.now() - 6 * MINUTE,
      Date.now() + 6 * MINUTE,
    ]) {
      const response = await deliver({ signedAt });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { message: string }).message).toMatch(/5 minutes/);
    }
    expect(revalidateTag).not.toHaveBeenCalled();
    // Inside the window, either way, is an ordinary delivery.
    expect((await deliver({ signedAt: Date.now() - 4 * MINUTE })).status).toBe(200);
    expect((await deliver({ signedAt: Date.now() + 4 * MINUTE })).status).toBe(200);
  });

  it("acts on a delivery once: a replay of the same request changes nothing", async () => {
    const first = await signedRequest({ body: { _id: "ticker-IWM", _type: "ticker" } });
    expect((await POST(first.request)).status).toBe(200);
    expect(revalidatedTags()).toEqual(["ticker:ticker-IWM", "tickers"]);
    revalidateTag.mockClear();

    // The same signed body and header again, even under another idempotency key.
    for (const idempotencyKey of [undefined, "forged-key"]) {
      const replay = await POST(
        (
          await signedRequest({
            body: { _id: "ticker-IWM", _type: "ticker" },
            signature: first.header,
            idempotencyKey,
          })
        ).request,
      );
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual({ revalidated: [], repeated: true });
    }
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("acknowledges Sanity's redelivery of a change (same idempotency-key, fresh signature) and revalidates nothing", async () => {
    const key = `tx-${kind}-1-post-9`;
    const body = { _id: "post-9", _type: "post", slug: "redelivered" };
    expect((await deliver({ body, idempotencyKey: key, signedAt: Date.now() - 1000 })).status).toBe(
      200,
    );
    revalidateTag.mockClear();
    const again = await deliver({ body, idempotencyKey: key });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ revalidated: [], repeated: true });
    expect(revalidateTag).not.toHaveBeenCalled();
    // Another change is another key.
    expect((await deliver({ body, idempotencyKey: `tx-${kind}-2-post-9` })).status).toBe(200);
    expect(revalidateTag).toHaveBeenCalled();
  });

  it("refuses a body over 64 KB with 413 when its length is declared, before reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(16 * 1024));
        if (pulled === 64) controller.close();
      },
    });
    const response = await POST(
      new Request("http://localhost/api/revalidate", {
        method: "POST",
        headers: { "content-length": String(256 * 1024 * 1024) },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("stops reading an undeclared body as soon as it passes 64 KB", async () => {
    // A megabyte in 16 KB chunks, finite so that a handler reading it all still finishes.
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024));
        if (sent >= 1024 * 1024) controller.close();
      },
    });
    const response = await POST(
      new Request("http://localhost/api/revalidate", {
        method: "POST",
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toMatch(/larger than 65536/);
    // The stream was cancelled: at most a chunk or two past the limit was ever produced.
    expect(sent).toBeLessThanOrEqual(64 * 1024 + 2 * 16 * 1024);
  });

  // The post's email alerts (lib/jobs/email-jobs.ts): queued by the delivery that publishes it.
  const announceJobs = async (postId: string) => {
    const { getJobQueue } = await import("@/lib/jobs/server");
    const { ANNOUNCE_QUEUE } = await import("@/lib/jobs/email-jobs");
    return (await getJobQueue()).findJobs(ANNOUNCE_QUEUE, { key: postId });
  };

  it("queues the post's email announcement, one job however often the post is delivered", async () => {
    const body = { _id: "drafts.post-alert", _type: "post", slug: "alert", operation: "create" };
    expect((await deliver({ body, idempotencyKey: `create-${kind}` })).status).toBe(200);
    const update = { ...body, operation: "update" };
    expect((await deliver({ body: update, idempotencyKey: `update-${kind}` })).status).toBe(200);
    const jobs = await announceJobs("post-alert");
    expect(jobs.map((job) => [job.state, job.data])).toEqual([
      ["created", { postId: "post-alert" }],
    ]);
    // A deleted post, a ticker, an author: nothing to announce.
    await deliver({ body: { _id: "post-gone", _type: "post", operation: "delete" } });
    await deliver({ body: { _id: "ticker-IWM", _type: "ticker", symbol: "IWM" } });
    expect(await announceJobs("post-gone")).toEqual([]);
    expect(await announceJobs("ticker-IWM")).toEqual([]);
  });

  it("answers 503 when the job cannot be queued, and acts on Sanity's redelivery", async () => {
    // The queue's tables gone from under it: a real failure of the reader database's queue.
    await announceJobs("warm-up");
    await handle.db.execute(sql`drop schema pgboss cascade`);
    const body = { _id: "post-retry", _type: "post", slug: "retry", operation: "create" };
    const first = await deliver({ body, idempotencyKey: `retry-${kind}` });
    expect(first.status).toBe(503);
    expect(((await first.json()) as { message: string }).message).toMatch(/send it again/);

    // The queue back (a restarted server recreates its schema); Sanity redelivers the change.
    await restoreDb();
    restoreDb = useAsProcessDb(handle);
    revalidateTag.mockClear();
    const again = await deliver({ body, idempotencyKey: `retry-${kind}` });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { repeated?: boolean }).repeated).toBeUndefined();
    expect(revalidatedTags()).toContain("post:post-retry");
    expect((await announceJobs("post-retry")).map((job) => job.state)).toEqual(["created"]);
  });
});
