import { resolveEditUrl } from "@sanity/client/csm";
import type { ContentSourceMap } from "@sanity/client/csm";
import { stegaClean } from "@sanity/client/stega";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

// Content Source Maps, as @sanity/client asks for them when stega is on (the site's draft reads
// for the Presentation tool's overlays): each traced value names its document and field.

const POST_QUERY = `*[_type == "post" && slug.current == $slug][0]{
  _id,
  _type,
  title,
  "slug": slug.current,
  "shout": upper(title),
  "tickers": tickers[defined(ticker)]{ _key, note, "ticker": ticker->{ _id, _type, symbol, name } },
  body,
  "echo": [summary, summary]
}`;

type Post = {
  title: string;
  slug: string;
  shout: string;
  tickers: Array<{ note: string; ticker: { symbol: string; name: string } }>;
  body: Array<{ children: Array<{ text: string }> }>;
};

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
  const post = {
    _type: "post",
    slug: { _type: "slug", current: "small-caps" },
    summary: "Twice",
    tickers: [
      { _key: "m1", note: "The index itself", ticker: { _type: "reference", _ref: "ticker-iwm" } },
    ],
    body: [
      {
        _key: "b1",
        _type: "block",
        style: "normal",
        markDefs: [],
        children: [{ _key: "s1", _type: "span", marks: [], text: "Why the rotation may last." }],
      },
    ],
  };
  await t.client
    .transaction()
    .create({ _id: "ticker-iwm", _type: "ticker", symbol: "IWM", name: "iShares Russell 2000" })
    .create({ _id: "post-1", ...post, title: "Published title" })
    .create({ _id: "drafts.post-1", ...post, title: "Draft title" })
    .commit();
});
afterAll(async () => {
  await t.cleanup();
});

async function sourceMapOf(perspective: "drafts" | "published", mode = "withKeyArraySelector") {
  const response = await t.client.fetch<Post>(
    POST_QUERY,
    { slug: "small-caps" },
    { filterResponse: false, perspective, resultSourceMap: mode as "withKeyArraySelector" },
  );
  return response as unknown as { result: Post; resultSourceMap?: ContentSourceMap };
}

const editUrl = (resultSourceMap: ContentSourceMap, resultPath: string) =>
  resolveEditUrl({ resultSourceMap, resultPath, studioUrl: "/studio" });

/** The document, type and field an edit URL opens, decoded from its intent parameters. */
function target(url: string | undefined) {
  if (!url) return undefined;
  const params = new URLSearchParams(url.split("?")[1]);
  return { id: params.get("id"), type: params.get("type"), path: params.get("path") };
}

describe("content source maps", () => {
  it("are sent only when asked for", async () => {
    const { resultSourceMap } = await t.client.fetch<Post>(
      POST_QUERY,
      { slug: "small-caps" },
      { filterResponse: false, perspective: "drafts" },
    );
    expect(resultSourceMap).toBeUndefined();
  });

  it("trace each field of a draft to the draft document, array items by _key", async () => {
    const { result, resultSourceMap } = await sourceMapOf("drafts");
    expect(result.title).toBe("Draft title");
    const csm = resultSourceMap!;
    expect(target(editUrl(csm, "title"))).toEqual({
      id: "post-1",
      type: "post",
      path: "title",
    });
    // The edit URL opens the draft: it is not marked as the published perspective.
    expect(editUrl(csm, "title")).not.toContain("perspective=published");
    expect(csm.documents).toContainEqual({ _id: "drafts.post-1", _type: "post" });
    expect(target(editUrl(csm, "slug"))?.path).toBe("slug.current");
    expect(target(editUrl(csm, "tickers[0].note"))?.path).toBe('tickers[_key=="m1"].note');
    expect(target(editUrl(csm, "body[0].children[0].text"))?.path).toBe(
      'body[_key=="b1"].children[_key=="s1"].text',
    );
    // A dereferenced document is its own source.
    expect(target(editUrl(csm, "tickers[0].ticker.name"))).toEqual({
      id: "ticker-iwm",
      type: "ticker",
      path: "name",
    });
  });

  it("leave out computed values and values held in more than one place", async () => {
    const { resultSourceMap } = await sourceMapOf("drafts");
    const mapped = Object.keys(resultSourceMap!.mappings);
    expect(mapped.some((path) => path.startsWith("$['shout']"))).toBe(false);
    expect(mapped.some((path) => path.startsWith("$['echo']"))).toBe(false);
  });

  it("trace published reads to the published document", async () => {
    const { result, resultSourceMap } = await sourceMapOf("published");
    expect(result.title).toBe("Published title");
    expect(resultSourceMap!.documents).toContainEqual({ _id: "post-1", _type: "post" });
    expect(editUrl(resultSourceMap!, "title")).toContain("perspective=published");
  });

  it("write array items by index under resultSourceMap=true", async () => {
    const { resultSourceMap } = await sourceMapOf("drafts", "true");
    expect(target(editUrl(resultSourceMap!, "tickers[0].note"))?.path).toBe("tickers[0].note");
  });

  it("let @sanity/client stega-encode exactly the traced strings", async () => {
    const stega = t.client.withConfig({
      perspective: "drafts",
      stega: { enabled: true, studioUrl: "/studio" },
    });
    const post = await stega.fetch<Post>(POST_QUERY, { slug: "small-caps" });
    expect(post.title).not.toBe("Draft title");
    expect(stegaClean(post.title)).toBe("Draft title");
    expect(stegaClean(post.tickers[0]!.note)).toBe("The index itself");
    expect(post.tickers[0]!.note).not.toBe("The index itself");
    expect(post.body[0]!.children[0]!.text).not.toBe("Why the rotation may last.");
    expect(post.shout).toBe("DRAFT TITLE");
  });

  it("need a token for drafts, like the query itself", async () => {
    const url = new URL(`${t.lake.url}/v2025-02-19/data/query/production`);
    url.searchParams.set("query", '*[_id == "post-1"][0]{_id, _type, title}');
    url.searchParams.set("perspective", "drafts");
    url.searchParams.set("resultSourceMap", "withKeyArraySelector");
    expect((await request(url.toString())).status).toBe(401);
    const { body } = await request(url.toString(), { token: t.token });
    expect(body).toMatchObject({
      result: { title: "Draft title" },
      resultSourceMap: {
        documents: [{ _id: "drafts.post-1", _type: "post" }],
        mappings: { "$['title']": { type: "value", source: { type: "documentValue" } } },
      },
    });
  });
});
