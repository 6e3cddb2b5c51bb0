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

const ids = async (...list: string[]) =>
  (await t.client.getDocuments(list)).map((doc) => (doc ? doc._id : null));

describe("actions API", () => {
  it("create → edit → publish, as the Studio saves and publishes", async () => {
    const created = await t.client.action({
      actionType: "sanity.action.document.create",
      publishedId: "a1",
      attributes: { _id: "drafts.a1", _type: "post", title: "First" },
      ifExists: "fail",
    });
    expect(created.transactionId).toBeTruthy();
    const edit = await t.client.action(
      {
        actionType: "sanity.action.document.edit",
        draftId: "drafts.a1",
        publishedId: "a1",
        patch: { set: { title: "Edited" }, diffMatchPatch: {} },
      },
      { transactionId: "studio-tx-1" },
    );
    expect(edit.transactionId).toBe("studio-tx-1");
    expect(await t.client.getDocument("drafts.a1")).toMatchObject({
      title: "Edited",
      _rev: "studio-tx-1",
    });
    await expect(
      t.client.action({
        actionType: "sanity.action.document.publish",
        draftId: "drafts.a1",
        publishedId: "a1",
        ifDraftRevisionId: "stale",
      }),
    ).rejects.toMatchObject({ statusCode: 409, details: { type: "actionError" } });
    await t.client.action({
      actionType: "sanity.action.document.publish",
      draftId: "drafts.a1",
      publishedId: "a1",
      ifDraftRevisionId: "studio-tx-1",
    });
    expect(await ids("a1", "drafts.a1")).toEqual(["a1", null]);
    expect(await t.anonymousClient.fetch('*[_id == "a1"][0].title')).toBe("Edited");
  });

  it("edit on a missing draft starts it from the published document", async () => {
    await t.client.action({
      actionType: "sanity.action.document.edit",
      draftId: "drafts.a1",
      publishedId: "a1",
      patch: { set: { summary: "new" } },
    });
    expect(await t.client.getDocument("drafts.a1")).toMatchObject({
      title: "Edited",
      summary: "new",
      _type: "post",
    });
  });

  it("discard removes the draft; unpublish moves the published document back to a draft", async () => {
    await t.client.action({ actionType: "sanity.action.document.discard", draftId: "drafts.a1" });
    expect(await ids("a1", "drafts.a1")).toEqual(["a1", null]);
    await t.client.action({
      actionType: "sanity.action.document.unpublish",
      draftId: "drafts.a1",
      publishedId: "a1",
    });
    expect(await ids("a1", "drafts.a1")).toEqual([null, "drafts.a1"]);
    expect(await t.client.getDocument("drafts.a1")).toMatchObject({ title: "Edited" });
  });

  it("publish strengthens the references the Studio created in place, as the Content Lake does", async () => {
    // A reference field's "Create new" links a document that is not published yet: weak, marked
    // _strengthenOnPublish, with `weak: true` in the marker when the schema wants it weak.
    const createdInPlace = (ref: string, weak?: boolean) => ({
      _type: "reference",
      _ref: ref,
      _weak: true,
      _strengthenOnPublish: {
        type: "ticker",
        ...(weak ? { weak } : {}),
        template: { id: "ticker" },
      },
    });
    // The reference that becomes strong needs its target by publish time, as the Studio ensures
    // before it lets the post publish; the ones that stay weak need none.
    await t.client.createOrReplace({ _id: "ticker-new", _type: "ticker", symbol: "NEW" });
    await t.client.createOrReplace({
      _id: "drafts.s1",
      _type: "post",
      title: "Strengthen",
      tickers: [
        { _key: "a", ticker: createdInPlace("ticker-new") },
        { _key: "b", ticker: createdInPlace("ticker-weak", true) },
        { _key: "c", ticker: { _type: "reference", _ref: "ticker-old", _weak: true } },
      ],
    });
    await t.client.action({
      actionType: "sanity.action.document.publish",
      draftId: "drafts.s1",
      publishedId: "s1",
    });
    const published = await t.client.getDocument("s1");
    expect(published?.tickers).toEqual([
      { _key: "a", ticker: { _type: "reference", _ref: "ticker-new" } },
      { _key: "b", ticker: { _type: "reference", _ref: "ticker-weak", _weak: true } },
      { _key: "c", ticker: { _type: "reference", _ref: "ticker-old", _weak: true } },
    ]);
    await t.client.transaction().delete("s1").delete("ticker-new").commit();
  });

  it("delete removes the published document and the listed drafts in one transaction", async () => {
    await t.client.action({
      actionType: "sanity.action.document.publish",
      draftId: "drafts.a1",
      publishedId: "a1",
    });
    await t.client.createOrReplace({ _id: "drafts.a1", _type: "post", title: "pending" });
    await t.client.action({
      actionType: "sanity.action.document.delete",
      publishedId: "a1",
      includeDrafts: ["drafts.a1"],
    });
    expect(await ids("a1", "drafts.a1")).toEqual([null, null]);
  });

  it("duplicate copies a document under a new id", async () => {
    await t.client.create({ _id: "orig", _type: "post", title: "Copy me" });
    const response = await request(`${t.lake.url}/v2025-02-19/data/actions/production`, {
      method: "POST",
      token: t.token,
      body: JSON.stringify({
        actions: [
          { actionType: "sanity.action.document.duplicate", fromId: "orig", toId: "drafts.copy" },
        ],
      }),
    });
    expect(response.status).toBe(200);
    expect(await t.client.getDocument("drafts.copy")).toMatchObject({
      title: "Copy me",
      _type: "post",
    });
  });

  it("all actions of a request are one transaction", async () => {
    await expect(
      t.client.action([
        {
          actionType: "sanity.action.document.create",
          publishedId: "atom",
          attributes: { _id: "drafts.atom", _type: "post" },
          ifExists: "fail",
        },
        { actionType: "sanity.action.document.discard", draftId: "drafts.does-not-exist" },
      ]),
    ).rejects.toMatchObject({ statusCode: 409 });
    expect(await ids("drafts.atom")).toEqual([null]);
  });

  it("version actions (the Studio's discard) and create's ifExists", async () => {
    await t.client.createOrReplace({ _id: "drafts.v1", _type: "post" });
    await t.client.action({
      actionType: "sanity.action.document.create",
      publishedId: "v1",
      attributes: { _id: "drafts.v1", _type: "post" },
      ifExists: "ignore",
    });
    await t.client.action({
      actionType: "sanity.action.document.version.discard",
      versionId: "drafts.v1",
    });
    expect(await ids("drafts.v1")).toEqual([null]);
  });

  it("needs a token", async () => {
    await expect(
      t.anonymousClient.action({
        actionType: "sanity.action.document.discard",
        draftId: "drafts.x",
      }),
    ).rejects.toMatchObject({ statusCode: 401 });
  });
});
