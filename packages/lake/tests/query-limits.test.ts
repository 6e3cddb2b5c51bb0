import { rm } from "node:fs/promises";
import { evaluate, parse } from "groq-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectMutations,
  randomToken,
  request,
  startLakeProcess,
  startTestLake,
  tempDir,
} from "./fixture.ts";
import type { LakeProcess, TestLake } from "./fixture.ts";

const QUERY_PATH = "/v2025-02-19/data/query/production";

/** Anonymous GET, as a page (or curl) would send it. */
const get = (url: string, query: string) =>
  request(`${url}${QUERY_PATH}?query=${encodeURIComponent(query)}`);
const post = (url: string, query: string, params: Record<string, unknown> = {}) =>
  request(`${url}${QUERY_PATH}`, { method: "POST", body: JSON.stringify({ query, params }) });

const limitError = (limit: string) => ({
  status: 400,
  body: { error: { type: "queryLimitError", limit, description: expect.any(String) } },
});

/** Seven `*[…]` filters nested inside each other, each referring to the document outside it. */
const sevenNestedFilters = `count(*[${"count(*[".repeat(6)}_id != ^._id${"]) > 0".repeat(6)}])`;
/** Per element of a body, every element of the body, five levels down: nothing the lake indexes. */
const parentLoops = `*[_type == "post"]{ "x": body[]{ "y": ^.body[]{ "z": ^.^.body[]{ "w": ^.^.^.body[]{ "v": ^.^.^.^.body[]{ _key } } } } } }`;
/** No data at all: literal arrays of objects looped inside each other. */
const literalLoops = `count(${Array(6)
  .fill(`[${Array(60).fill("{}").join(",")}][]{"a": `)
  .join("")}1${"}".repeat(6)})`;

describe("query length and nesting", () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("refuses a query longer than 300 kB with a 400 that says so", async () => {
    const response = await post(t.lake.url, `"${"x".repeat(300 * 1024)}"`);
    expect(response).toMatchObject(limitError("length"));
    expect(JSON.stringify(response.body)).toMatch(/characters long; the lake accepts at most/);
  });

  it("refuses deep nesting before parsing it: long operator chains, brackets, attribute paths", async () => {
    const queries = {
      "8,000 terms": Array(8000).fill("1").join("+"),
      "40 kB of 1+1+…": Array(20_000).fill("1").join("+"),
      "5,000 brackets": `${"(".repeat(5000)}1${")".repeat(5000)}`,
      "a long path": `*[0].${Array(5000).fill("a").join(".")}`,
      "an || chain": Array(400).fill('_id == "x"').join(" || "),
    };
    for (const [name, query] of Object.entries(queries)) {
      const response = await post(t.lake.url, query);
      expect(response, name).toMatchObject(limitError("depth"));
      expect(JSON.stringify(response.body), name).toMatch(/nests more than 256 levels/);
    }
  });

  it("still answers deep but reasonable queries", async () => {
    expect((await post(t.lake.url, Array(200).fill("1").join("+"))).body).toMatchObject({
      result: 200,
    });
    expect((await post(t.lake.url, Array(100).fill('_id == "x"').join(" || "), {})).status).toBe(
      200,
    );
  });
});

describe("result size", () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake({ queryLimits: { maxResultBytes: 1024 * 1024 } });
    const tx = t.client.transaction();
    for (let i = 0; i < 30; i++)
      tx.create({ _id: `post-${i}`, _type: "post", title: `Post ${i}`, text: "x".repeat(200) });
    await tx.commit();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("refuses a result past the limit (three nested projections) with a 400", async () => {
    // 30 × 30 × 30 documents of ~300 bytes: about 8 MB.
    const response = await get(t.lake.url, '*{"a": *{"b": *}}');
    expect(response).toMatchObject(limitError("resultSize"));
    expect(JSON.stringify(response.body)).toMatch(/larger than the lake's limit of 1048576 bytes/);
    // Under the limit it is answered as before.
    expect((await get(t.lake.url, '*{"a": *{_id}}')).status).toBe(200);
  });
});

describe("slow queries", () => {
  let child: LakeProcess;
  const dirs: string[] = [];
  beforeAll(async () => {
    const dataDir = await tempDir();
    const cwd = await tempDir();
    dirs.push(dataDir, cwd);
    const token = randomToken();
    // A lake process of its own: without a time limit a slow query would stall this one.
    child = await startLakeProcess({
      dataDir,
      token,
      cwd,
      env: { LAKE_QUERY_TIMEOUT_MS: "1500" },
    });
    const tx = child.client.transaction();
    const body = Array.from({ length: 40 }, (_, k) => ({ _key: `b${k}`, _type: "block" }));
    for (let i = 0; i < 20; i++) tx.create({ _id: `post-${i}`, _type: "post", body });
    await tx.commit();
  });
  afterAll(async () => {
    child.child.kill("SIGKILL");
    await child.exited;
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  for (const [name, query] of Object.entries({
    "seven nested filters": sevenNestedFilters,
    "loops over a parent's arrays": parentLoops,
    "loops over literal arrays": literalLoops,
  })) {
    it(`stops ${name} at the time limit while every other request is answered`, async () => {
      let slowDone = false;
      const slow = get(child.url, query).then((response) => {
        slowDone = true;
        return response;
      });
      // Five in a row, each sent after the one before was answered: all while the slow one runs.
      for (let i = 0; i < 5; i++) {
        const count = await get(child.url, "count(*)");
        expect(count).toMatchObject({ status: 200, body: { result: 20 } });
        expect(slowDone, `count(*) #${i + 1} was answered only after the slow query`).toBe(false);
      }
      const response = await slow;
      expect(response).toMatchObject(limitError("time"));
      expect(JSON.stringify(response.body)).toMatch(/longer than the lake's limit of 1500 ms/);
    });
  }
});

describe("queries finished in the worker", () => {
  // With no main-thread budget every query that iterates goes to the worker.
  let worker: TestLake;
  let main: TestLake;
  beforeAll(async () => {
    worker = await startTestLake({ queryLimits: { mainThreadMs: 0 } });
    main = await startTestLake();
    for (const lake of [worker, main]) {
      const tx = lake.client.transaction();
      tx.create({ _id: "ticker-iwm", _type: "ticker", symbol: "IWM" });
      for (let i = 0; i < 40; i++)
        tx.create({
          _id: `post-${i}`,
          _type: "post",
          title: `Small caps ${i}`,
          publishedAt: `2026-01-${String((i % 28) + 1).padStart(2, "0")}T08:00:00Z`,
          tickers: [{ _key: "k", ticker: { _type: "reference", _ref: "ticker-iwm" } }],
        });
      tx.create({ _id: "drafts.post-1", _type: "post", title: "Draft" });
      await tx.commit();
    }
  });
  afterAll(async () => {
    await worker.cleanup();
    await main.cleanup();
  });

  it("see a write as soon as it is acknowledged (read your writes)", async () => {
    for (let i = 0; i < 20; i++) {
      await worker.client.createOrReplace({ _id: `post-${i}`, _type: "post", title: `Edit ${i}` });
      const titles = await worker.client.fetch<string[]>('*[_type == "post"] | order(_id).title');
      expect(titles).toContain(`Edit ${i}`);
      expect(titles).toHaveLength(40);
    }
    await worker.client.delete("post-39");
    expect(await worker.client.fetch('count(*[_type == "post"])')).toBe(39);
  });

  it("answer exactly what the main thread answers, perspectives, params and source maps included", async () => {
    await main.client.delete("post-39");
    for (let i = 0; i < 20; i++)
      await main.client.createOrReplace({ _id: `post-${i}`, _type: "post", title: `Edit ${i}` });
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['*[_type == "post"] | order(_id)', {}, {}],
      ["*[_id in $ids]{_id, title}", { ids: ["post-1", "post-2"] }, {}],
      ['*[_type == "post" && _id == "post-1"][0]', {}, { perspective: "drafts" }],
      [
        '*[references("ticker-iwm")] | order(publishedAt desc)[0...3]{_id, "t": tickers[].ticker->symbol}',
        {},
        {},
      ],
      [
        '*[_type == "post"] | score(title match "caps") | order(_score desc, _id)[0...5]{_id, _score}',
        {},
        {},
      ],
      ['*[_type == "post"] | order(_id)[0...3]{_id, title}', {}, { resultSourceMap: true }],
    ];
    // The two lakes wrote their documents in transactions of their own (and took their own time).
    const withoutSystemFields = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value), (key, item: unknown) =>
        ["_rev", "_createdAt", "_updatedAt", "ms"].includes(key) ? undefined : item,
      );
    for (const [query, params, options] of cases) {
      const [fromWorker, fromMain] = await Promise.all(
        [worker, main].map((lake) =>
          lake.client.fetch(query, params, { ...options, filterResponse: false }),
        ),
      );
      expect(withoutSystemFields(fromWorker), query).toEqual(withoutSystemFields(fromMain));
    }
  });

  it("evaluates the functions only groq-js's asynchronous evaluator has", async () => {
    const query = 'diff::changedAny({"a": 1, "b": 1}, {"a": 2, "b": 1}, (b))';
    const expected = await (await evaluate(parse(query))).get();
    expect(await worker.client.fetch(query)).toBe(expected);
    expect(await main.client.fetch(query)).toBe(expected);
  });
});

describe("queries inside listeners and mutations", () => {
  let t: TestLake;
  beforeAll(async () => {
    t = await startTestLake({ queryLimits: { timeoutMs: 300 } });
    const tx = t.client.transaction();
    for (let i = 0; i < 20; i++) tx.create({ _id: `post-${i}`, _type: "post", title: `${i}` });
    await tx.commit();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("refuses a listener whose query is past the limits, before opening the stream", async () => {
    const query = Array(300).fill("_id").join(" || ");
    const response = await request(
      `${t.lake.url}/v2025-02-19/data/listen/production?query=${encodeURIComponent(`*[${query}]`)}`,
    );
    expect(response).toMatchObject(limitError("depth"));
  });

  it("decides a listener's filter within the budget: a document it cannot decide in time does not match", async () => {
    const filter = `*[_type == "page" && count(body[]{ "x": ^.body[]{ "y": ^.^.body[]{ "z": ^.^.^.body[]{ "w": ^.^.^.^.body[] } } } }) > 0]`;
    const blocks = (n: number) => Array.from({ length: n }, (_, k) => ({ _key: `b${k}`, n: k }));
    const events = await collectMutations(t.client, filter, 1, async () => {
      // Some 60⁴ loops (seconds): far past the budget. Then one that is quick to decide.
      await t.client.create({ _id: "page-big", _type: "page", body: blocks(60) });
      await t.client.create({ _id: "page-small", _type: "page", body: blocks(2) });
    });
    expect(events.map((event) => event.documentId)).toEqual(["page-small"]);
  });

  it("stops the slow query of a delete at the time limit, and deletes nothing", async () => {
    const response = await request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: "POST",
      token: t.token,
      body: JSON.stringify({
        mutations: [{ delete: { query: sevenNestedFilters.replace(/^count\(|\)$/g, "") } }],
      }),
    });
    expect(response).toMatchObject(limitError("time"));
    expect(await t.client.fetch('count(*[_type == "post"])')).toBe(20);
  });
});
