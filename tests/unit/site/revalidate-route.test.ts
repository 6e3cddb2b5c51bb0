import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The route handler as Next runs it, with next/cache's revalidateTag recorded instead of run.
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidateTag }));

const SECRET = "test-webhook-secret";
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  vi.stubEnv("SANITY_WEBHOOK_SECRET", SECRET);
  ({ POST } = await import("@/app/api/revalidate/route"));
});
beforeEach(() => revalidateTag.mockClear());

async function deliver(body: unknown, secret = SECRET) {
  const payload = JSON.stringify(body);
  const signature = await encodeSignatureHeader(payload, Date.now(), secret);
  return POST(
    new Request("http://localhost/api/revalidate", {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER_NAME]: signature },
      body: payload,
    }),
  );
}

describe("POST /api/revalidate", () => {
  it("expires exactly the post, its tickers before and after, and the lists, at once", async () => {
    const response = await deliver({
      _id: "post-1",
      _type: "post",
      slug: "great-rotation",
      tickerIds: ["ticker-IWM", "ticker-QQQ"],
      before: { slug: "great-rotation", tickerIds: ["ticker-IWM", "ticker-SPY"] },
      operation: "update",
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
    expect(revalidateTag.mock.calls.map(([tag]) => tag as string).sort()).toEqual(expected);
    // Not 'max': the next reader must get the published change, not the stale page.
    for (const [, profile] of revalidateTag.mock.calls) expect(profile).toEqual({ expire: 0 });
  });

  it("refuses a bad signature and revalidates nothing", async () => {
    const response = await deliver({ _id: "post-1", _type: "post" }, "wrong-secret");
    expect(response.status).toBe(401);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("rejects a signed body it cannot read", async () => {
    const response = await deliver({ _type: "post" });
    expect(response.status).toBe(400);
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});
