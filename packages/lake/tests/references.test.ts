import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

const ref = (id: string, weak?: boolean) => ({
  _type: "reference",
  _ref: id,
  ...(weak ? { _weak: true } : {}),
});
const post = (id: string, ticker: ReturnType<typeof ref>) => ({
  _id: id,
  _type: "post",
  tickers: [{ _key: "a", ticker }],
});

/** A raw Mutations API call, to see the status and body @sanity/client wraps. */
const mutate = (mutations: unknown[]) =>
  request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
    method: "POST",
    token: t.token,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mutations }),
  });

describe("referential integrity", () => {
  it("refuses a strong reference to a missing document with 409, leaving no trace", async () => {
    const { status, body } = await mutate([
      { create: { _id: "ticker-ok", _type: "ticker" } },
      { create: post("post-dangling", ref("ticker-missing")) },
    ]);
    expect(status).toBe(409);
    expect(body).toMatchObject({
      error: {
        type: "mutationError",
        description:
          'The mutation(s) failed: Document "post-dangling" references non-existent document "ticker-missing"',
        items: [{ error: { id: "post-dangling" } }],
      },
    });
    expect(await t.client.getDocuments(["ticker-ok", "post-dangling"])).toEqual([null, null]);
  });

  it("refuses a patch that points a strong reference at a missing document", async () => {
    await t.client.create(post("post-patched", ref("ticker-missing", true)));
    await expect(
      t.client.patch("post-patched").unset(["tickers[0].ticker._weak"]).commit(),
    ).rejects.toMatchObject({ statusCode: 409 });
    expect((await t.client.getDocument("post-patched"))?.tickers).toEqual([
      { _key: "a", ticker: ref("ticker-missing", true) },
    ]);
    await t.client.delete("post-patched");
  });

  it("accepts a weak reference to a missing document", async () => {
    await t.client.create(post("post-weak", ref("ticker-nowhere", true)));
    expect(await t.client.getDocument("post-weak")).toBeTruthy();
    await t.client.delete("post-weak");
  });

  it("accepts a reference to a document the same transaction creates, in any order", async () => {
    await t.client
      .transaction()
      .create(post("post-same-tx", ref("ticker-same-tx")))
      .create({ _id: "ticker-same-tx", _type: "ticker" })
      .commit();
    expect(await t.client.getDocument("post-same-tx")).toBeTruthy();
  });

  it("does not count a draft as the target of a strong reference to its published id", async () => {
    await t.client.create({ _id: "drafts.ticker-draft-only", _type: "ticker" });
    await expect(
      t.client.create(post("post-to-draft", ref("ticker-draft-only"))),
    ).rejects.toMatchObject({ statusCode: 409 });
  });

  it("refuses deleting a strongly referenced document, from a draft too, until the reference goes", async () => {
    await t.client.create({ _id: "ticker-held", _type: "ticker" });
    await t.client.create(post("drafts.post-holder", ref("ticker-held")));
    const { status, body } = await mutate([{ delete: { id: "ticker-held" } }]);
    expect(status).toBe(409);
    expect(body).toMatchObject({
      error: {
        type: "mutationError",
        description:
          'The mutation(s) failed: Document "ticker-held" cannot be deleted as there are references to it from "drafts.post-holder"',
      },
    });
    expect(await t.client.getDocument("ticker-held")).toBeTruthy();

    await t.client.patch("drafts.post-holder").set({ "tickers[0].ticker._weak": true }).commit();
    await t.client.delete("ticker-held");
    expect(await t.client.getDocument("ticker-held")).toBeUndefined();
    await t.client.delete("drafts.post-holder");
  });

  it("deletes a referenced document once its referrer is gone, or in the same transaction", async () => {
    await t.client.create({ _id: "ticker-pair", _type: "ticker" });
    await t.client.create(post("post-pair", ref("ticker-pair")));
    await t.client.transaction().delete("ticker-pair").delete("post-pair").commit();
    expect(await t.client.getDocuments(["ticker-pair", "post-pair"])).toEqual([null, null]);

    await t.client.create({ _id: "ticker-later", _type: "ticker" });
    await t.client.create(post("post-later", ref("ticker-later")));
    await t.client.delete("post-later");
    await t.client.delete("ticker-later");
    expect(await t.client.getDocument("ticker-later")).toBeUndefined();
  });

  it("refuses the Actions API delete and unpublish of a strongly referenced document", async () => {
    await t.client.create({ _id: "ticker-acted", _type: "ticker" });
    await t.client.create(post("post-acting", ref("ticker-acted")));
    const act = (action: Record<string, unknown>) =>
      request(`${t.lake.url}/v2025-02-19/data/actions/production`, {
        method: "POST",
        token: t.token,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ actions: [action] }),
      });
    for (const action of [
      { actionType: "sanity.action.document.delete", publishedId: "ticker-acted" },
      { actionType: "sanity.action.document.unpublish", publishedId: "ticker-acted" },
    ]) {
      const { status, body } = await act(action);
      expect(status).toBe(409);
      expect(body).toMatchObject({
        error: {
          type: "actionError",
          description:
            'The action(s) failed: Document "ticker-acted" cannot be deleted as there are references to it from "post-acting"',
        },
      });
    }
    expect(await t.client.getDocuments(["ticker-acted", "drafts.ticker-acted"])).toMatchObject([
      { _id: "ticker-acted" },
      null,
    ]);

    await t.client.delete("post-acting");
    const { status } = await act({
      actionType: "sanity.action.document.delete",
      publishedId: "ticker-acted",
    });
    expect(status).toBe(200);
    expect(await t.client.getDocument("ticker-acted")).toBeUndefined();
  });

  it("lets the Studio's quick-create publish in order: weak reference, ticker, then post", async () => {
    const action = (body: Record<string, unknown>) => t.client.action(body as never);
    await t.client.create({
      ...post("drafts.post-quick", {
        ...ref("ticker-quick", true),
        _strengthenOnPublish: { type: "ticker" },
      } as ReturnType<typeof ref>),
    });
    await t.client.create({ _id: "drafts.ticker-quick", _type: "ticker" });
    const publishPost = {
      actionType: "sanity.action.document.publish",
      draftId: "drafts.post-quick",
      publishedId: "post-quick",
    };
    // Publishing the post first would strengthen a reference to an unpublished ticker.
    await expect(action(publishPost)).rejects.toMatchObject({ statusCode: 409 });
    await action({
      actionType: "sanity.action.document.publish",
      draftId: "drafts.ticker-quick",
      publishedId: "ticker-quick",
    });
    await action(publishPost);
    expect((await t.client.getDocument("post-quick"))?.tickers).toEqual([
      { _key: "a", ticker: ref("ticker-quick") },
    ]);
  });
});
