import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import {
  EXAMPLE_WEBHOOK,
  randomToken,
  startLakeProcess,
  startTestLake,
  tempDir,
} from "./fixture.ts";
import type { LakeProcess, TestLake } from "./fixture.ts";

const secret = "durable-webhook-secret-0123456789";

interface Delivery {
  key: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number | "held";
}

/** A site's /api/revalidate: `answer` decides each delivery's status, or holds it unanswered. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  answer: (delivery: Delivery) => number | "hold" = () => 200;
  private readonly server: Server;
  private readonly held: ServerResponse[] = [];
  private waiters: Array<() => void> = [];
  url = "";

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const delivery: Delivery = {
          key: String(request.headers["idempotency-key"]),
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          status: "held",
        };
        const answer = this.answer(delivery);
        if (answer === "hold") this.held.push(response);
        else {
          delivery.status = answer;
          response.writeHead(answer).end();
        }
        this.deliveries.push(delivery);
        for (const wake of this.waiters.splice(0)) wake();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/revalidate`;
    return this;
  }

  /** Resolves once `predicate` holds for what was received (fails after 20 s). */
  async until(predicate: (deliveries: Delivery[]) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!predicate(this.deliveries)) {
      if (Date.now() > deadline) throw new Error(`the receiver never saw ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 500);
      });
    }
  }

  accepted(key: string): Delivery[] {
    return this.deliveries.filter((d) => d.key === key && d.status === 200);
  }

  async stop(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(): Promise<Receiver> {
  const started = await new Receiver().start();
  cleanups.push(() => started.stop());
  return started;
}

async function dirs(): Promise<{ dataDir: string; cwd: string }> {
  const dataDir = await tempDir();
  const cwd = await tempDir();
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  cleanups.push(() => rm(cwd, { recursive: true, force: true }));
  return { dataDir, cwd };
}

const documentOf = (delivery: Delivery) => String(delivery.headers["sanity-document-id"]);
const signedAt = (delivery: Delivery) =>
  Number(/^t=(\d+),/.exec(String(delivery.headers[SIGNATURE_HEADER_NAME]))?.[1]);

describe("webhook deliveries survive the lake", () => {
  it("re-sends a delivery acknowledged before a SIGKILL after the restart, same idempotency-key, signed afresh", async () => {
    const site = await receiver();
    const { dataDir, cwd } = await dirs();
    const token = randomToken();
    const env = {
      LAKE_WEBHOOK_URLS: site.url,
      LAKE_WEBHOOK_FILTER: EXAMPLE_WEBHOOK.filter,
      LAKE_WEBHOOK_PROJECTION: EXAMPLE_WEBHOOK.projection,
      SANITY_WEBHOOK_SECRET: secret,
    };
    const start = async () => {
      const child = await startLakeProcess({ dataDir, token, cwd, env });
      cleanups.push(async () => {
        child.child.kill("SIGKILL");
        await child.exited;
      });
      return child;
    };

    // The site takes the delivery and never answers: the lake is killed while it waits.
    site.answer = () => "hold";
    const first: LakeProcess = await start();
    await first.client.create({ _id: "ticker-IWM", _type: "ticker", symbol: "IWM" });
    await site.until((d) => d.length === 1, "the first attempt");
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    site.answer = () => 200;
    const second = await start();
    await site.until((d) => d.length === 2, "the delivery after the restart");
    const [held, resent] = site.deliveries as [Delivery, Delivery];
    expect(resent.key).toBe(held.key);
    expect(resent.key).toBe(`${String(held.headers["sanity-transaction-id"])}-ticker-IWM`);
    expect(resent.body).toBe(held.body);
    expect(JSON.parse(resent.body)).toMatchObject({ _id: "ticker-IWM", operation: "create" });
    expect(
      await isValidSignature(resent.body, String(resent.headers[SIGNATURE_HEADER_NAME]), secret),
    ).toBe(true);
    expect(signedAt(resent)).toBeGreaterThan(signedAt(held));

    // Once the site answered 2xx the delivery is forgotten: a clean restart sends only what is new.
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const third = await start();
    await third.client.create({ _id: "ticker-SPY", _type: "ticker", symbol: "SPY" });
    await site.until((d) => d.some((x) => documentOf(x) === "ticker-SPY"), "the next publish");
    expect(site.deliveries.map(documentOf)).toEqual(["ticker-IWM", "ticker-IWM", "ticker-SPY"]);
  });

  it("keeps retrying a site that is down for long, through compactions and restarts, then forgets", async () => {
    const site = await receiver();
    const { dataDir } = await dirs();
    const options = {
      dataDir,
      token: randomToken(),
      webhooks: [{ url: site.url, ...EXAMPLE_WEBHOOK }],
      webhookSecret: secret,
      webhookRetry: { initialDelayMs: 5, maxDelayMs: 20 },
      // Every other transaction compacts the log: what is owed must be carried across.
      compaction: { maxLines: 2 },
    };
    site.answer = () => 503;
    let lake: TestLake = await startTestLake(options);
    cleanups.push(() => lake.lake.close());
    const symbols = ["A", "B", "C", "D", "E", "F"];
    for (const symbol of symbols)
      await lake.client.create({ _id: `ticker-${symbol}`, _type: "ticker", symbol });
    const keyOf = (symbol: string) =>
      site.deliveries.find((d) => documentOf(d) === `ticker-${symbol}`)?.key ?? "";
    // Past the six attempts after which deliveries used to be dropped.
    await site.until(
      (d) => symbols.every((s) => d.filter((x) => x.key === keyOf(s)).length > 6),
      "more than six attempts per delivery",
    );

    await lake.lake.close();
    lake = await startTestLake(options);
    site.answer = () => 200;
    await site.until(
      () => symbols.every((s) => site.accepted(keyOf(s)).length > 0),
      "every delivery accepted after the restart",
    );
    for (const symbol of symbols)
      expect(JSON.parse(site.accepted(keyOf(symbol))[0]?.body ?? "{}")).toMatchObject({
        _id: `ticker-${symbol}`,
        symbol,
        operation: "create",
      });

    // Accepted is forgotten: after another restart only the new publish is sent.
    await lake.lake.close();
    const before = site.deliveries.length;
    lake = await startTestLake(options);
    await lake.client.create({ _id: "ticker-G", _type: "ticker", symbol: "G" });
    await site.until((d) => d.some((x) => documentOf(x) === "ticker-G"), "the next publish");
    expect(site.deliveries.slice(before).map(documentOf)).toEqual(["ticker-G"]);
  });

  it("bounds what it keeps for a site that never comes back: the oldest are dropped", async () => {
    const site = await receiver();
    const { dataDir } = await dirs();
    const options = {
      dataDir,
      token: randomToken(),
      webhooks: [{ url: site.url, ...EXAMPLE_WEBHOOK }],
      webhookSecret: secret,
      webhookRetry: { initialDelayMs: 5, maxDelayMs: 20 },
      webhookMaxOwed: 2,
    };
    site.answer = () => 503;
    let lake: TestLake = await startTestLake(options);
    cleanups.push(() => lake.lake.close());
    for (const symbol of ["A", "B", "C", "D"])
      await lake.client.create({ _id: `ticker-${symbol}`, _type: "ticker", symbol });
    await lake.lake.close();

    site.answer = () => 200;
    const before = site.deliveries.length;
    lake = await startTestLake(options);
    await lake.client.create({ _id: "ticker-E", _type: "ticker", symbol: "E" });
    await site.until((d) => d.some((x) => documentOf(x) === "ticker-E"), "the next publish");
    const sent = new Set(site.deliveries.slice(before).map(documentOf));
    expect(sent).toEqual(new Set(["ticker-C", "ticker-D", "ticker-E"]));
  });
});
