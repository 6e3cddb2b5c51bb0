import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebhookDispatcher, signWebhookBody } from "../src/engine/webhooks.ts";
import type { CommittedTransaction, WebhookDispatcher } from "../src/engine/webhooks.ts";
import { EXAMPLE_WEBHOOK, startTestLake } from "./fixture.ts";

const secret = "webhook-test-secret";

type Received = { headers: IncomingHttpHeaders; body: string; status: number };

// A webhook receiver that records raw bodies; `respond` decides each answer's status.
let server: Server;
let url: string;
let received: Received[] = [];
let respond: (attempt: number) => number = () => 200;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = respond(received.length + 1);
      received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        status,
      });
      response.writeHead(status, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dispatcher: WebhookDispatcher | undefined;
afterEach(async () => {
  await dispatcher?.close();
  dispatcher = undefined;
  received = [];
  respond = () => 200;
});

function dispatcherFor(options: { initialDelayMs?: number; maxAttempts?: number } = {}) {
  dispatcher = createWebhookDispatcher({
    targets: [{ url, ...EXAMPLE_WEBHOOK }],
    secret,
    projectId: "local",
    initialDelayMs: 20,
    maxDelayMs: 100,
    onGiveUp: () => undefined,
    ...options,
  });
  return dispatcher;
}

async function waitFor(predicate: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for webhooks");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let txCounter = 0;
function tx(changes: CommittedTransaction["changes"]): CommittedTransaction {
  txCounter += 1;
  return {
    transactionId: `tx-${txCounter}`,
    timestamp: "2026-01-16T12:00:00.000Z",
    projectId: "local",
    dataset: "production",
    changes,
  };
}

const post = (tickers: string[], slug = "great-rotation") => ({
  _id: "post.a",
  _type: "post",
  _rev: "r1",
  title: "The Great Rotation",
  slug: { _type: "slug", current: slug },
  tickers: tickers.map((symbol) => ({
    _key: symbol,
    _type: "tickerMention",
    ticker: { _type: "reference", _ref: `ticker-${symbol}` },
    note: "n",
  })),
});

describe("webhook dispatcher", () => {
  it("signs each delivery as Sanity does, so @sanity/webhook verifies it", async () => {
    dispatcherFor().dispatch(tx([{ id: "post.a", before: null, after: post(["IWM"]) }]));
    await waitFor(() => received.length === 1);
    const [delivery] = received as [Received];

    const signature = delivery.headers[SIGNATURE_HEADER_NAME] as string;
    expect(signature).toMatch(/^t=\d{13},v1=[A-Za-z0-9_-]+$/);
    expect(await isValidSignature(delivery.body, signature, secret)).toBe(true);
    expect(
      await isValidSignature(delivery.body.replace("great-rotation", "forged"), signature, secret),
    ).toBe(false);
    expect(await isValidSignature(delivery.body, signature, "another-secret")).toBe(false);
    const forgedTime = signature.replace(/^t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
    expect(await isValidSignature(delivery.body, forgedTime, secret)).toBe(false);

    expect(delivery.headers).toMatchObject({
      "content-type": "application/json",
      "idempotency-key": "tx-1-post.a",
      "sanity-project-id": "local",
      "sanity-dataset": "production",
      "sanity-document-id": "post.a",
      "sanity-transaction-id": "tx-1",
      "sanity-transaction-time": "2026-01-16T12:00:00.000Z",
      "sanity-operation": "create",
    });
    expect(JSON.parse(delivery.body)).toEqual({
      _id: "post.a",
      _type: "post",
      slug: "great-rotation",
      tickerIds: ["ticker-IWM"],
      operation: "create",
    });
  });

  it("matches signWebhookBody with @sanity/webhook for any body", async () => {
    const body = JSON.stringify({ text: "Russell 2000’s streak – “quoted” ✓" });
    expect(await isValidSignature(body, signWebhookBody(body, secret), secret)).toBe(true);
  });

  it("sends the tickers before and after an update", async () => {
    dispatcherFor().dispatch(
      tx([{ id: "post.a", before: post(["IWM", "SPY"], "old-slug"), after: post(["IWM", "QQQ"]) }]),
    );
    await waitFor(() => received.length === 1);
    expect(JSON.parse(received[0]!.body)).toEqual({
      _id: "post.a",
      _type: "post",
      slug: "great-rotation",
      tickerIds: ["ticker-IWM", "ticker-QQQ"],
      before: { slug: "old-slug", tickerIds: ["ticker-IWM", "ticker-SPY"] },
      operation: "update",
    });
    expect(received[0]!.headers["sanity-operation"]).toBe("update");
  });

  it("projects a deleted document from its last published state", async () => {
    const ticker = {
      _id: "ticker-IWM",
      _type: "ticker",
      symbol: "IWM",
      name: "iShares Russell 2000 ETF",
    };
    dispatcherFor().dispatch(tx([{ id: "ticker-IWM", before: ticker, after: null }]));
    await waitFor(() => received.length === 1);
    expect(JSON.parse(received[0]!.body)).toEqual({
      _id: "ticker-IWM",
      _type: "ticker",
      symbol: "IWM",
      before: { symbol: "IWM" },
      operation: "delete",
    });
    expect(received[0]!.headers["sanity-operation"]).toBe("delete");
  });

  it("ignores drafts, release versions and other document types", async () => {
    const draft = { ...post(["IWM"]), _id: "drafts.post.a" };
    const d = dispatcherFor();
    d.dispatch(
      tx([
        { id: "drafts.post.a", before: null, after: draft },
        { id: "versions.r1.post.a", before: null, after: { ...draft, _id: "versions.r1.post.a" } },
        { id: "image-abc", before: null, after: { _id: "image-abc", _type: "sanity.imageAsset" } },
      ]),
    );
    await d.idle();
    expect(received).toHaveLength(0);

    // Publishing: the draft disappears and the published document appears in one transaction.
    d.dispatch(
      tx([
        { id: "drafts.post.a", before: draft, after: null },
        { id: "post.a", before: null, after: post(["IWM"]) },
      ]),
    );
    await d.idle();
    expect(received.map((r) => r.headers["sanity-document-id"])).toEqual(["post.a"]);
  });

  it("sends one delivery per changed document", async () => {
    dispatcherFor().dispatch(
      tx([
        { id: "post.a", before: null, after: post(["IWM"]) },
        {
          id: "author.desk",
          before: null,
          after: { _id: "author.desk", _type: "author", name: "Desk", slug: { current: "desk" } },
        },
      ]),
    );
    await waitFor(() => received.length === 2);
    expect(received.map((r) => r.headers["sanity-document-id"]).sort()).toEqual([
      "author.desk",
      "post.a",
    ]);
    expect(new Set(received.map((r) => r.headers["idempotency-key"])).size).toBe(2);
  });

  it("retries a failing receiver with the same idempotency key, re-signed", async () => {
    respond = (attempt) => (attempt <= 2 ? 500 : 200);
    const d = dispatcherFor();
    d.dispatch(tx([{ id: "post.a", before: null, after: post(["IWM"]) }]));
    await d.idle();
    expect(received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(received.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    for (const r of received) {
      expect(
        await isValidSignature(r.body, r.headers[SIGNATURE_HEADER_NAME] as string, secret),
      ).toBe(true);
    }
  });

  it("gives up after the last attempt and reports it", async () => {
    respond = () => 503;
    const failures: string[] = [];
    dispatcher = createWebhookDispatcher({
      targets: [{ url, ...EXAMPLE_WEBHOOK }],
      secret,
      projectId: "local",
      maxAttempts: 3,
      initialDelayMs: 10,
      onGiveUp: (failure) => failures.push(`${failure.documentId}: ${failure.error}`),
    });
    dispatcher.dispatch(tx([{ id: "post.a", before: null, after: post(["IWM"]) }]));
    await waitFor(() => failures.length === 1);
    expect(received).toHaveLength(3);
    expect(failures).toEqual(["post.a: HTTP 503"]);
  });

  it("retries when the receiver drops the connection, and counts each attempt", async () => {
    // A receiver that accepts the connection and closes it without an answer: every attempt
    // reaches it (and is counted) and fails as a network error, not an HTTP status.
    let attempts = 0;
    const dropping = createServer((request) => {
      attempts += 1;
      request.socket.destroy();
    });
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    const failures: string[] = [];
    try {
      dispatcher = createWebhookDispatcher({
        targets: [{ url: `http://127.0.0.1:${(dropping.address() as AddressInfo).port}/hook` }],
        secret,
        projectId: "local",
        maxAttempts: 4,
        initialDelayMs: 10,
        onGiveUp: (failure) => failures.push(failure.error),
      });
      dispatcher.dispatch(tx([{ id: "post.a", before: null, after: post(["IWM"]) }]));
      await dispatcher.idle();
      expect(attempts).toBe(4);
      expect(failures).toHaveLength(1);
      expect(failures[0]).not.toMatch(/^HTTP /);
    } finally {
      await new Promise<void>((resolve) => dropping.close(() => resolve()));
    }
  });

  it("close() cancels pending retries", async () => {
    respond = () => 500;
    const retryDelayMs = 60_000;
    const d = dispatcherFor({ initialDelayMs: retryDelayMs });
    d.dispatch(tx([{ id: "post.a", before: null, after: post(["IWM"]) }]));
    await waitFor(() => received.length === 1);
    const started = Date.now();
    await d.close();
    // close() must not sit out the pending retry's delay.
    expect(Date.now() - started).toBeLessThan(retryDelayMs / 10);
    d.dispatch(tx([{ id: "post.a", before: null, after: post(["SPY"]) }]));
    await d.idle();
    expect(received).toHaveLength(1);
  });

  it("does not block the caller: delivery happens after dispatch returns", async () => {
    const d = dispatcherFor();
    d.dispatch(tx([{ id: "post.a", before: null, after: post(["IWM"]) }]));
    expect(received).toHaveLength(0);
    await waitFor(() => received.length === 1);
  });
});

// End to end: a lake configured with a webhook sends the signed webhook after a commit.
describe("webhooks from the local lake", () => {
  it("fires on published changes only, signed", async () => {
    const { client, cleanup } = await startTestLake({
      webhooks: [{ url, ...EXAMPLE_WEBHOOK }],
      webhookSecret: secret,
    });
    try {
      // The post strongly references its tickers, so they must exist first (as in the hosted lake).
      await client
        .transaction()
        .create({ _id: "ticker-IWM", _type: "ticker", symbol: "IWM" })
        .create({ _id: "ticker-SPY", _type: "ticker", symbol: "SPY" })
        .commit();
      await waitFor(() => received.length === 2);
      received.length = 0;

      // A draft owes no delivery; the publish after it does. Deliveries go out in the order their
      // writes are acknowledged, so once the publish's has arrived, a draft's would have too.
      await client.create({ ...post(["IWM"]), _id: "drafts.post.e2e" });
      await client.createOrReplace({ ...post(["IWM"]), _id: "post.e2e" });
      await waitFor(() => received.length === 1);
      await client.patch("post.e2e").set({ "tickers[0].ticker._ref": "ticker-SPY" }).commit();
      await waitFor(() => received.length === 2);

      for (const r of received) {
        expect(
          await isValidSignature(r.body, r.headers[SIGNATURE_HEADER_NAME] as string, secret),
        ).toBe(true);
        expect(r.headers["sanity-document-id"]).toBe("post.e2e");
      }
      expect(JSON.parse(received[1]!.body)).toMatchObject({
        _id: "post.e2e",
        operation: "update",
        tickerIds: ["ticker-SPY"],
        before: { tickerIds: ["ticker-IWM"] },
      });
    } finally {
      await cleanup();
    }
  });

  it("sends the whole document when a webhook has no filter or projection, as Sanity does", async () => {
    const { client, cleanup } = await startTestLake({
      webhooks: [{ url }],
      webhookSecret: secret,
    });
    try {
      await client.create({ _id: "note-1", _type: "note", text: "any type" });
      await waitFor(() => received.length === 1);
      expect(JSON.parse(received[0]!.body)).toMatchObject({
        _id: "note-1",
        _type: "note",
        text: "any type",
      });
    } finally {
      await cleanup();
    }
  });
});
