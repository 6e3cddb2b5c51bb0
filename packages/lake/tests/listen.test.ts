import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectMutations, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

describe("listen", () => {
  it("streams a mutation event with the client's transaction id as the new revision", async () => {
    const [event] = await collectMutations(t.client, '*[_type == "post"]', 1, () =>
      t.client
        .transaction()
        .create({ _id: "l1", _type: "post", title: "hello" })
        .commit({ transactionId: "tx-listen-1" }),
    );
    expect(event).toMatchObject({
      type: "mutation",
      documentId: "l1",
      transactionId: "tx-listen-1",
      resultRev: "tx-listen-1",
      transition: "appear",
      eventId: "tx-listen-1#l1",
      mutations: [{ create: expect.objectContaining({ _id: "l1" }) }],
      result: expect.objectContaining({ _id: "l1", title: "hello", _rev: "tx-listen-1" }),
      effects: { apply: [0, expect.objectContaining({ title: "hello" })], revert: [0, null] },
      visibility: "query",
      transactionTotalEvents: 1,
      transactionCurrentEvent: 0,
    });
  });

  it("reports update and disappear transitions as documents leave the filter", async () => {
    const events = await collectMutations(
      t.client,
      '*[_type == "post" && title == "hello"]',
      2,
      async () => {
        await t.client.patch("l1").set({ extra: 1 }).commit();
        await t.client.patch("l1").set({ title: "bye" }).commit();
      },
    );
    expect(events.map((e) => e.transition)).toEqual(["update", "disappear"]);
    expect(events[1]?.previous).toMatchObject({ title: "hello" });
  });

  it("does not send drafts to listeners without a token", async () => {
    const events = await collectMutations(t.anonymousClient, '*[_type == "post"]', 1, async () => {
      await t.client.create({ _id: "drafts.secret", _type: "post", title: "secret" });
      await t.client.create({ _id: "visible", _type: "post", title: "public" });
    });
    expect(events.map((e) => e.documentId)).toEqual(["visible"]);
  });
});
