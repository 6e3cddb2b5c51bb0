import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tags } from "@/lib/sanity/tags";
import { tagsForWebhook, webhookBodySchema } from "@/lib/sanity/webhook";
import { startTestLake, type TestLake } from "../../support/lake.ts";

// The contract between the lake and /api/revalidate: what a real lake sends for a publish,
// configured with the site's filter and projection (lib/sanity/webhook-contract.ts), parses with
// the site's body schema and revalidates exactly the tags of what changed.

const secret = "webhook-contract-secret-0123456789abcdef";
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let server: Server;
let lake: TestLake;

async function nextDelivery(
  count: number,
): Promise<{ headers: IncomingHttpHeaders; body: string }> {
  const deadline = Date.now() + 10_000;
  while (received.length < count) {
    if (Date.now() > deadline) throw new Error(`no webhook delivery #${count} in 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return received[count - 1]!;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  lake = await startTestLake({
    webhookUrls: [`http://127.0.0.1:${port}/api/revalidate`],
    webhookSecret: secret,
  });
});

afterAll(async () => {
  await lake?.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the webhook a real lake sends for a publish", () => {
  it("parses with webhookBodySchema and gives the tags of the post, its slug, tickers and lists", async () => {
    await lake.client
      .transaction()
      .create({ _id: "ticker-IWM", _type: "ticker", symbol: "IWM", name: "iShares Russell 2000" })
      .create({ _id: "ticker-SPY", _type: "ticker", symbol: "SPY", name: "SPDR S&P 500" })
      .commit();
    await nextDelivery(2);

    const post = {
      _type: "post",
      title: "The Great Rotation",
      slug: { _type: "slug", current: "great-rotation" },
      tickers: [
        { _key: "a", ticker: { _type: "reference", _ref: "ticker-IWM" }, note: "small caps" },
      ],
    };
    // Edit a draft, then publish it as the Studio does (Actions API): one delivery, for the
    // published document only.
    await lake.client.create({ ...post, _id: "drafts.post-rotation" });
    await lake.client.action({
      actionType: "sanity.action.document.publish",
      draftId: "drafts.post-rotation",
      publishedId: "post-rotation",
    });
    const delivery = await nextDelivery(3);

    expect(delivery.headers["sanity-document-id"]).toBe("post-rotation");
    expect(
      await isValidSignature(
        delivery.body,
        delivery.headers[SIGNATURE_HEADER_NAME] as string,
        secret,
      ),
    ).toBe(true);
    const body = webhookBodySchema.parse(JSON.parse(delivery.body));
    expect(body).toMatchObject({ _id: "post-rotation", _type: "post", operation: "create" });
    expect(tagsForWebhook(body).sort()).toEqual(
      [
        tags.posts,
        tags.tickers,
        tags.post("post-rotation"),
        tags.post("great-rotation"),
        tags.ticker("ticker-IWM"),
      ].sort(),
    );

    // Republishing with another ticker and slug: both the old and the new keys are revalidated.
    await lake.client.createOrReplace({
      ...post,
      _id: "drafts.post-rotation",
      slug: { _type: "slug", current: "rotation-2" },
      tickers: [{ _key: "b", ticker: { _type: "reference", _ref: "ticker-SPY" }, note: "large" }],
    });
    await lake.client.action({
      actionType: "sanity.action.document.publish",
      draftId: "drafts.post-rotation",
      publishedId: "post-rotation",
    });
    const update = webhookBodySchema.parse(JSON.parse((await nextDelivery(4)).body));
    expect(update.operation).toBe("update");
    expect(tagsForWebhook(update).sort()).toEqual(
      [
        tags.posts,
        tags.tickers,
        tags.post("post-rotation"),
        tags.post("rotation-2"),
        tags.post("great-rotation"),
        tags.ticker("ticker-SPY"),
        tags.ticker("ticker-IWM"),
      ].sort(),
    );
    expect(received.map((r) => r.headers["sanity-document-id"])).toEqual([
      expect.stringMatching(/^ticker-/),
      expect.stringMatching(/^ticker-/),
      "post-rotation",
      "post-rotation",
    ]);
  });
});
