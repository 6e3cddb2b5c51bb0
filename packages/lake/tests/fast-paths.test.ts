import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";
import { groqJsAnswer } from "./oracle.ts";

// Issue 14's reproductions: each query answered by the lake over HTTP (perspective `raw`) and by
// plain groq-js over the same documents. The lake's sliced orders, narrowing by `_id`/`_type`/
// `references()`, compiled filters and reference index must cost, never change, an answer.

let t: TestLake;
let docs: unknown[];
beforeAll(async () => {
  t = await startTestLake();
  const ref = (id: string) => ({ _type: "reference", _ref: id });
  const mention = (key: string, id: string) => ({ _key: key, ticker: ref(id), note: key });
  // Tickers and posts interleaved, so the dataset's order is neither by type nor by id.
  await t.client
    .transaction()
    .create({ _id: "t1", _type: "ticker", symbol: "AAA" })
    .create({ _id: "p1", _type: "post", publishedAt: "2026-01-02", tickers: [mention("a", "t2")] })
    .create({ _id: "t2", _type: "ticker", symbol: "BBB" })
    .create({
      _id: "p2",
      _type: "post",
      publishedAt: "2026-01-01",
      tickers: [mention("a", "t1"), mention("b", "t2")],
    })
    .create({ _id: "p3", _type: "post", publishedAt: "2026-01-02", tickers: [mention("a", "t1")] })
    // A reference object with another reference nested inside it: groq-js's references() stops
    // at the first `_ref`, so this post references t1 only.
    .create({ _id: "p4", _type: "post", link: { ...ref("t1"), source: ref("t2") } })
    .create({ _id: "drafts.p1", _type: "post", tickers: [mention("a", "t1")] })
    .commit();
  docs = await t.client.fetch<unknown[]>("*", {}, { perspective: "raw" });
});
afterAll(async () => {
  await t.cleanup();
});

async function expectGroqJsAnswer(query: string, params: Record<string, unknown> = {}) {
  const expected = await groqJsAnswer(docs, query, params);
  expect(await t.client.fetch(query, params, { perspective: "raw" })).toEqual(expected);
  return expected;
}

describe("the lake's fast paths answer as groq-js does", () => {
  it("a sliced order that needs no rows answers [] (issue 14, 1)", async () => {
    expect(await expectGroqJsAnswer('*[_type == "post"] | order(publishedAt desc)[0...0]')).toEqual(
      [],
    );
    await expectGroqJsAnswer('*[_type == "post"] | order(publishedAt desc)[0...$limit]', {
      limit: 0,
    });
    await expectGroqJsAnswer('*[_type == "post"] | order(publishedAt desc)[0...$limit]._id', {
      limit: 1,
    });
  });

  it("_id in […] and _type in […] keep the dataset's order and each document once (issue 14, 2)", async () => {
    expect(await expectGroqJsAnswer('*[_id in ["p1", "p1"]]._id')).toEqual(["p1"]);
    expect(await expectGroqJsAnswer('*[_id in ["p3", "t1", "p1"]]._id')).toEqual([
      "t1",
      "p1",
      "p3",
    ]);
    expect(await expectGroqJsAnswer('count(*[_type in ["post", "post"]])')).toBe(5);
    await expectGroqJsAnswer('*[_type in ["post", "ticker"]]._id');
    await expectGroqJsAnswer('*[_type in ["post", "ticker"]][1..3]._id');
  });

  it("references([a, b]) keeps the dataset's order (issue 14, 3)", async () => {
    expect(await expectGroqJsAnswer('*[references(["t2", "t1"])]._id')).toEqual([
      "p1",
      "p2",
      "p3",
      "p4",
      "drafts.p1",
    ]);
    await expectGroqJsAnswer("*[references($ids)][0...2]._id", { ids: ["t2", "t1", "t2"] });
    await expectGroqJsAnswer(
      '*[_type == "post" && references($ids)] | order(publishedAt desc)._id',
      {
        ids: ["t2", "t1"],
      },
    );
  });

  it("references() inside a nested filter tests the element (issue 14, 4)", async () => {
    expect(
      await expectGroqJsAnswer('*[_type == "post" && count(tickers[references($id)]) > 0]._id', {
        id: "t1",
      }),
    ).toEqual(["p2", "p3", "drafts.p1"]);
    await expectGroqJsAnswer('*[_type == "post"]{_id, "n": count(tickers[references($id)])}', {
      id: "t2",
    });
    await expectGroqJsAnswer('*[_type == "post"]{_id, "notes": tickers[references("t1")].note}');
  });

  it("the reference index stops at the first _ref, as references() does (issue 14, 5)", async () => {
    expect(await expectGroqJsAnswer('*[references("t2")]._id')).toEqual(["p1", "p2"]);
    expect(await expectGroqJsAnswer('*[_type == "post" && !references("t2")]._id')).toEqual([
      "p3",
      "p4",
      "drafts.p1",
    ]);
    expect(await expectGroqJsAnswer('count(*[references(["t2"])])')).toBe(2);
    await expectGroqJsAnswer('*[references("t1")]._id');
  });

  it("search and per-document answers follow every commit", async () => {
    const search =
      '*[_type == "post" && [title, pt::text(body)] match $terms] | score(pt::text(body) match $terms, boost(title match $terms, 2)) | order(_score desc, _id asc)[0...3]{_id, _score}';
    const perPost = '*[_type == "post"]{ "ids": array::unique(tickers[].ticker._ref), title }';
    const block = (text: string) => ({
      _key: "b",
      _type: "block",
      children: [{ _key: "s", _type: "span", text }],
    });
    await t.client
      .patch("p2")
      .set({ title: "Rates rally", body: [block("Small caps rally.")] })
      .commit();
    docs = await t.client.fetch<unknown[]>("*", {}, { perspective: "raw" });
    expect(await expectGroqJsAnswer(search, { terms: ["rally*"] })).toHaveLength(1);
    await expectGroqJsAnswer(perPost);
    await t.client
      .patch("p2")
      .set({ "body[0].children[0].text": "Valuations diverge.", "tickers[0].ticker._ref": "t2" })
      .unset(["title"])
      .commit();
    await t.client
      .patch("p3")
      .set({ title: "A rally in rates", body: [block("rally")] })
      .commit();
    docs = await t.client.fetch<unknown[]>("*", {}, { perspective: "raw" });
    expect(await expectGroqJsAnswer(search, { terms: ["rally*"] })).toEqual([
      { _id: "p3", _score: expect.any(Number) as number },
    ]);
    await expectGroqJsAnswer(search, { terms: ["valuations"] });
    await expectGroqJsAnswer(perPost);
  });
});
