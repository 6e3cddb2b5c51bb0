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

describe("mutations", () => {
  it("create generates an id, stamps system fields and rejects an existing id with 409", async () => {
    const created = await t.client.create({ _type: "author", name: "Ada" });
    expect(created._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created._rev).toBeTruthy();
    expect(created._createdAt).toBe(created._updatedAt);
    const prefixed = await t.client.create({ _id: "drafts.", _type: "author", name: "Draft" });
    expect(prefixed._id).toMatch(/^drafts\.[0-9a-f-]{36}$/);
    await expect(t.client.create({ _id: created._id, _type: "author" })).rejects.toMatchObject({
      statusCode: 409,
      details: { type: "mutationError" },
    });
  });

  it("createOrReplace, createIfNotExists and delete report their operations", async () => {
    const first = await t.client.createOrReplace({ _id: "cor", _type: "t", v: 1 });
    const replaced = await t.client.createOrReplace({ _id: "cor", _type: "t", w: 2 });
    expect(replaced).toMatchObject({ _id: "cor", w: 2, _createdAt: first._createdAt });
    expect(replaced).not.toHaveProperty("v");
    const tx = await t.client
      .transaction()
      .createIfNotExists({ _id: "cor", _type: "t", v: 3 })
      .createIfNotExists({ _id: "cine", _type: "t", v: 3 })
      .delete("cor")
      .commit();
    expect(tx.results.map((r) => r.operation)).toEqual(["none", "create", "delete"]);
    expect(await t.client.getDocument("cor")).toBeUndefined();
    expect(await t.client.getDocument("cine")).toMatchObject({ v: 3, _rev: tx.transactionId });
  });

  it("patch applies set, setIfMissing, unset, inc, dec, insert and diffMatchPatch", async () => {
    await t.client.create({
      _id: "p",
      _type: "t",
      title: "hello world",
      count: 10,
      gone: true,
      list: ["b"],
      keep: "k",
    });
    const patched = await t.client
      .patch("p")
      .set({ "nested.a": 1 })
      .setIfMissing({ keep: "no", fresh: "yes" })
      .unset(["gone"])
      .inc({ count: 5 })
      .dec({ count: 2 })
      .insert("before", "list[0]", ["a"])
      .diffMatchPatch({ title: "@@ -1,11 +1,11 @@\n-hello\n+HELLO\n  world\n" })
      .commit();
    expect(patched).toMatchObject({
      nested: { a: 1 },
      keep: "k",
      fresh: "yes",
      count: 13,
      list: ["a", "b"],
      title: "HELLO world",
    });
    expect(patched).not.toHaveProperty("gone");
    // One insert per patch: the client merges a second one into the first.
    await t.client.patch("p").insert("after", "list[-1]", ["c"]).commit();
    const replaced = await t.client.patch("p").insert("replace", "list[1]", ["B"]).commit();
    expect(replaced.list).toEqual(["a", "B", "c"]);
  });

  it("ifRevisionID mismatch is a 409 and changes nothing", async () => {
    const doc = await t.client.create({ _id: "rev", _type: "t", n: 1 });
    await expect(
      t.client.patch("rev").ifRevisionId("not-the-rev").set({ n: 2 }).commit(),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    const ok = await t.client.patch("rev").ifRevisionId(doc._rev).set({ n: 3 }).commit();
    expect(ok.n).toBe(3);
  });

  it("a transaction is all or nothing", async () => {
    await t.client.create({ _id: "existing", _type: "t" });
    const failing = t.client
      .transaction()
      .create({ _id: "atomic-1", _type: "t" })
      .patch("atomic-missing", (p) => p.set({ x: 1 }))
      .create({ _id: "atomic-2", _type: "t" });
    await expect(failing.commit()).rejects.toMatchObject({ statusCode: 409 });
    const alsoFailing = t.client
      .transaction()
      .delete("existing")
      .create({ _id: "existing", _type: "t" })
      .create({ _id: "existing", _type: "t" });
    await expect(alsoFailing.commit()).rejects.toMatchObject({ statusCode: 409 });
    expect(await t.client.getDocuments(["atomic-1", "atomic-2", "existing"])).toEqual([
      null,
      null,
      expect.objectContaining({ _id: "existing" }),
    ]);
  });

  it("delete and patch by query", async () => {
    await t.client
      .transaction()
      .create({ _id: "q1", _type: "temp", n: 1 })
      .create({ _id: "q2", _type: "temp", n: 2 })
      .create({ _id: "q3", _type: "temp", n: 3 })
      .commit();
    const patched = await t.client.mutate([
      {
        patch: { query: '*[_type == "temp" && n >= $min]', params: { min: 2 }, set: { big: true } },
      },
    ]);
    expect(patched.results.map((r) => r.id).sort()).toEqual(["q2", "q3"]);
    const deleted = await t.client.delete({ query: '*[_type == "temp" && big == true]' });
    expect(deleted.results.map((r) => r.id).sort()).toEqual(["q2", "q3"]);
    expect(await t.client.fetch('*[_type == "temp"]._id')).toEqual(["q1"]);
  });

  it("returns documents, honours dryRun and autoGenerateArrayKeys, and uses the given transactionId as _rev", async () => {
    const dry = await t.client.create({ _id: "dry", _type: "t" }, { dryRun: true });
    expect(dry._id).toBe("dry");
    expect(await t.client.getDocument("dry")).toBeUndefined();
    const keyed = await t.client.create(
      { _id: "keys", _type: "t", items: [{ a: 1 }, { _key: "mine", a: 2 }] },
      { autoGenerateArrayKeys: true },
    );
    expect(keyed.items).toEqual([
      { _key: expect.stringMatching(/^[0-9a-f]{12}$/), a: 1 },
      { _key: "mine", a: 2 },
    ]);
    const tx = await t.client
      .transaction()
      .create({ _id: "txid", _type: "t" })
      .commit({ transactionId: "chosen-tx" });
    expect(tx.transactionId).toBe("chosen-tx");
    expect((await t.client.getDocument("txid"))?._rev).toBe("chosen-tx");
  });

  it("refuses writes without a valid token", async () => {
    await expect(t.anonymousClient.create({ _type: "t" })).rejects.toMatchObject({
      statusCode: 401,
    });
    await expect(
      t.client.withConfig({ token: "x".repeat(40) }).create({ _type: "t" }),
    ).rejects.toMatchObject({ statusCode: 401 });
  });

  it("answers malformed JSON, unknown datasets and unknown routes like Sanity", async () => {
    const malformed = await request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: "POST",
      body: "{not json",
      token: t.token,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      error: "Bad Request",
      message: expect.stringContaining("Malformed JSON"),
    });
    const noDataset = await request(`${t.lake.url}/v2025-02-19/data/query/nope?query=*`);
    expect(noDataset).toMatchObject({ status: 404, body: { message: 'Dataset "nope" not found' } });
    const badName = await request(`${t.lake.url}/v2025-02-19/data/query/..%2Fetc?query=*`);
    expect(badName.status).toBe(404);
    const noRoute = await request(`${t.lake.url}/v2025-02-19/nothing/here`);
    expect(noRoute).toMatchObject({ status: 404, body: { error: "Not Found" } });
    const badMutation = await request(`${t.lake.url}/v1/data/mutate/production`, {
      method: "POST",
      token: t.token,
      body: JSON.stringify({ mutations: [{ explode: {} }] }),
    });
    expect(badMutation).toMatchObject({ status: 400, body: { error: { type: "mutationError" } } });
  });
});
