import { evaluate, parse } from "groq-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
  const tx = t.client.transaction();
  tx.create({ _id: "ticker-iwm", _type: "ticker", symbol: "IWM", name: "iShares Russell 2000" });
  tx.create({ _id: "ticker-spy", _type: "ticker", symbol: "SPY", name: "SPDR S&P 500" });
  for (let i = 0; i < 40; i++) {
    tx.create({
      _id: `post-${i}`,
      _type: "post",
      title: `Small caps rally ${i}`,
      slug: i % 5 === 0 ? undefined : { _type: "slug", current: `post-${i}` },
      publishedAt:
        i % 7 === 0 ? undefined : `2026-01-${String((i % 28) + 1).padStart(2, "0")}T08:00:00Z`,
      tickers: [
        {
          _key: "k",
          ticker: { _type: "reference", _ref: i % 2 ? "ticker-iwm" : "ticker-spy" },
          note: "why",
        },
      ],
    });
  }
  tx.create({
    _id: "drafts.post-1",
    _type: "post",
    title: "Draft title",
    slug: { _type: "slug", current: "post-1" },
  });
  tx.create({ _id: "drafts.unpublished", _type: "post", title: "Only a draft" });
  await tx.commit();
});
afterAll(async () => {
  await t.cleanup();
});

/**
 * Queries shaped like a site's (lists, pages by slug, references, counts, sliced orders), each
 * answered by the lake and by groq-js over the same published documents: a differential test
 * of the lake's indexes and compiled filters. The app runs the same test over its real queries
 * (tests/integration/sanity/queries-oracle.test.ts).
 */
const ORACLE_QUERIES: Array<[string, Record<string, unknown>]> = [
  [
    '*[_type=="post" && defined(slug.current)] | order(publishedAt desc)[0...10]{_id, title, "symbols": tickers[].ticker->symbol}',
    {},
  ],
  ['*[_type=="post" && defined(slug.current)] | order(publishedAt asc, _id desc)[3..7]._id', {}],
  [
    '*[_type=="post" && slug.current==$slug][0]{..., "tickers": tickers[]{note, ticker->}}',
    { slug: "post-3" },
  ],
  ['*[_type=="ticker" && symbol==$symbol][0]', { symbol: "IWM" }],
  ['*[_type=="post" && references($id)] | order(publishedAt desc)._id', { id: "ticker-iwm" }],
  ['*[_type == "ticker"]{symbol, "posts": count(*[_type == "post" && references(^._id)])}', {}],
  [
    '*[_type=="post" && references($ids) && count(tickers[ticker._ref in $ids]) > 0]._id',
    { ids: ["ticker-spy", "ticker-none"] },
  ],
  ['*[_type=="post" && references($ids)]._id', { ids: [] }],
  [
    '*[_type=="post" && defined(slug.current) && references($ids) && count(tickers[ticker._ref in $ids]) > 0] | order(publishedAt desc, _id asc)[0...5]{_id, "notes": tickers[ticker._ref in $ids]{note, "symbol": ticker->symbol}}',
    { ids: ["ticker-iwm", "ticker-spy"] },
  ],
  ['*[_type=="post" && count(tickers) >= 1 && count(title) == null]._id', {}],
  ['*[_type=="post" && count(tickers[note == "why"]) == 0]._id', {}],
  // Sliced orders over a compiled filter run the filter only on possible top rows; ties
  // (repeated days, missing dates) must still break in the order groq-js keeps.
  [
    '*[_type=="post" && references($ids) && count(tickers[ticker._ref in $ids]) > 0] | order(publishedAt desc)[0...3]._id',
    { ids: ["ticker-iwm"] },
  ],
  ['*[_type=="post" && defined(slug.current)] | order(publishedAt asc)[2...4]._id', {}],
  ['*[_type=="post" && !defined(slug.current)] | order(publishedAt desc)[0]._id', {}],
  ['*[_type=="post" && publishedAt in [null, 3, "x", true, [1]]]._id', {}],
  ['*[_type=="post" && slug.current in ["post-3", "post-4", 4]]._id', {}],
  ['*[!(_id in path("drafts.**")) && _type in ["ticker", "author"] && symbol != "SPY"]._id', {}],
];

describe("queries", () => {
  it("published perspective (the default) hides drafts, with or without a token", async () => {
    const anonymous = await t.anonymousClient.fetch<string[]>('*[_type == "post"]._id');
    expect(anonymous).toHaveLength(40);
    expect(anonymous.some((id) => id.startsWith("drafts."))).toBe(false);
    expect(await t.client.fetch('count(*[_type == "post"])')).toBe(40);
  });

  it("keeps ids under a path (with a dot) from anonymous readers, as Sanity does", async () => {
    await t.client.create({ _id: "settings.newsletter", _type: "settings", listId: "secret" });
    expect(await t.anonymousClient.fetch('*[_type == "settings"]')).toEqual([]);
    expect(await t.anonymousClient.getDocument("settings.newsletter")).toBeUndefined();
    expect(await t.client.fetch('*[_type == "settings"][0].listId')).toBe("secret");
    await t.client.delete("settings.newsletter");
  });

  it("drafts perspective overlays drafts under the published id and needs a token", async () => {
    const posts = await t.client.fetch<Array<{ _id: string; title: string; _originalId?: string }>>(
      '*[_type == "post" && _id in ["post-1", "unpublished", "post-2"]] | order(_id)',
      {},
      { perspective: "drafts" },
    );
    expect(posts.map((p) => [p._id, p.title, p._originalId])).toEqual([
      ["post-1", "Draft title", "drafts.post-1"],
      ["post-2", "Small caps rally 2", undefined],
      ["unpublished", "Only a draft", "drafts.unpublished"],
    ]);
    await expect(t.anonymousClient.fetch("*", {}, { perspective: "drafts" })).rejects.toMatchObject(
      { statusCode: 401 },
    );
  });

  it("raw perspective shows everything and needs a token", async () => {
    expect(await t.client.fetch('count(*[_type == "post"])', {}, { perspective: "raw" })).toBe(42);
    await expect(t.anonymousClient.fetch("*", {}, { perspective: "raw" })).rejects.toMatchObject({
      statusCode: 401,
    });
  });

  it.each(ORACLE_QUERIES)("answers %s as groq-js does", async (query, params) => {
    const all = await t.client.fetch<unknown[]>("*", {}, { perspective: "raw" });
    const published = all.filter((doc) => !(doc as { _id: string })._id.startsWith("drafts."));
    const expected = await (
      await evaluate(parse(query, { params }), { dataset: published, params })
    ).get();
    expect(await t.anonymousClient.fetch(query, params)).toEqual(expected);
  });

  it("supports match and text::query() search as the Studio uses them", async () => {
    expect(await t.client.fetch('count(*[_type == "post" && title match "rally*"])')).toBe(40);
    expect(
      await t.client.fetch('*[_type == "post" && [title, _id] match text::query("caps 12")]._id'),
    ).toEqual(["post-12"]);
    const excluded = await t.client.fetch<string[]>(
      '*[_type == "post" && title match text::query("rally -12")]._id',
    );
    expect(excluded).toHaveLength(39);
    const scored = await t.client.fetch<Array<{ _id: string }>>(
      '*[_type == "post"] | score(title match "13") | order(_score desc)[0]{_id}',
    );
    expect(scored).toEqual({ _id: "post-13" });
  });

  it("answers a GROQ syntax error with 400 and the parse message", async () => {
    await expect(t.client.fetch('*[_type == "post"')).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining("GROQ query parse error"),
    });
    const raw = await request(
      `${t.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent("*[_type ==")}`,
    );
    expect(raw).toMatchObject({
      status: 400,
      body: { error: { type: "queryParseError", query: "*[_type ==", start: expect.any(Number) } },
    });
    const missingParam = await request(
      `${t.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent("*[_id == $id]")}`,
    );
    expect(missingParam).toMatchObject({
      status: 400,
      body: { error: { description: expect.stringContaining("$id") } },
    });
  });

  it("accepts POST queries and answers with the Sanity envelope", async () => {
    const response = await request(`${t.lake.url}/v2025-02-19/data/query/production`, {
      method: "POST",
      body: JSON.stringify({ query: "*[_id == $id][0].symbol", params: { id: "ticker-spy" } }),
      headers: { "content-type": "application/json" },
    });
    expect(response).toMatchObject({
      status: 200,
      body: { result: "SPY", query: "*[_id == $id][0].symbol", ms: expect.any(Number) },
    });
  });

  it("getDocument(s) reads by id; drafts only with a token", async () => {
    expect(await t.anonymousClient.getDocument("ticker-iwm")).toMatchObject({ symbol: "IWM" });
    expect(await t.client.getDocuments(["ticker-iwm", "missing", "drafts.post-1"])).toEqual([
      expect.objectContaining({ _id: "ticker-iwm" }),
      null,
      expect.objectContaining({ _id: "drafts.post-1" }),
    ]);
    const anonymous = await request(`${t.lake.url}/v1/data/doc/production/drafts.post-1,missing`);
    expect(anonymous.body).toEqual({
      documents: [],
      omitted: [
        { id: "drafts.post-1", reason: "permission" },
        { id: "missing", reason: "existence" },
      ],
    });
  });
});
