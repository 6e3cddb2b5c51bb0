import { describe, expect, it } from "vitest";
import { tags, tagsForDocumentsIn } from "@/lib/sanity/tags";
import { tagsForWebhook, webhookBodySchema, type WebhookBody } from "@/lib/sanity/webhook";

const sorted = (list: string[]) => [...list].sort();
const parse = (body: unknown): WebhookBody => webhookBodySchema.parse(body);

describe("tagsForWebhook", () => {
  it("revalidates a new post, its slug, its tickers and both lists", () => {
    const body = parse({
      _id: "post-1",
      _type: "post",
      slug: "great-rotation",
      tickerIds: ["t-iwm", "t-spy"],
      operation: "create",
    });
    expect(sorted(tagsForWebhook(body))).toEqual(
      sorted([
        "posts",
        "tickers",
        "post:post-1",
        "post:great-rotation",
        "ticker:t-iwm",
        "ticker:t-spy",
      ]),
    );
  });

  it("revalidates every ticker a post linked before and after, and the old slug", () => {
    const body = parse({
      _id: "post-1",
      _type: "post",
      slug: "new-slug",
      tickerIds: ["t-iwm", "t-qqq"],
      before: { slug: "old-slug", tickerIds: ["t-iwm", "t-spy"] },
      operation: "update",
    });
    expect(sorted(tagsForWebhook(body))).toEqual(
      sorted([
        "posts",
        "tickers",
        "post:post-1",
        "post:new-slug",
        "post:old-slug",
        "ticker:t-iwm",
        "ticker:t-qqq",
        "ticker:t-spy",
      ]),
    );
  });

  it("leaves the tickers index alone when an edit keeps the same tickers", () => {
    const body = parse({
      _id: "post-1",
      _type: "post",
      slug: "same",
      tickerIds: ["t-spy", "t-iwm"],
      before: { slug: "same", tickerIds: ["t-iwm", "t-spy"] },
      operation: "update",
    });
    const result = tagsForWebhook(body);
    expect(result).not.toContain(tags.tickers);
    expect(sorted(result)).toEqual(
      sorted(["posts", "post:post-1", "post:same", "ticker:t-iwm", "ticker:t-spy"]),
    );
  });

  it("revalidates a deleted post from what it was before", () => {
    const body = parse({
      _id: "post-1",
      _type: "post",
      before: { slug: "gone", tickerIds: ["t-iwm"] },
      operation: "delete",
    });
    expect(sorted(tagsForWebhook(body))).toEqual(
      sorted(["posts", "tickers", "post:post-1", "post:gone", "ticker:t-iwm"]),
    );
  });

  it("treats a body without `before` conservatively", () => {
    const body = parse({ _id: "post-1", _type: "post", slug: "s" });
    expect(tagsForWebhook(body)).toContain(tags.tickers);
  });

  it("uses the published id of a draft", () => {
    const body = parse({
      _id: "drafts.post-1",
      _type: "post",
      slug: "s",
      operation: "update",
      before: { slug: "s" },
    });
    expect(tagsForWebhook(body)).toContain("post:post-1");
    expect(tagsForWebhook(body)).not.toContain("post:drafts.post-1");
  });

  it("uses the published id of a release version", () => {
    const body = parse({ _id: "versions.rSpring.post-1", _type: "post", slug: "s" });
    expect(tagsForWebhook(body)).toContain("post:post-1");
    expect(tagsForWebhook(body).filter((tag) => tag.includes("versions."))).toEqual([]);
  });

  it("revalidates a ticker by id, by old and new symbol, and the tickers list", () => {
    const body = parse({
      _id: "t-brk",
      _type: "ticker",
      symbol: "BRK.B",
      before: { symbol: "BRKB" },
      operation: "update",
    });
    expect(sorted(tagsForWebhook(body))).toEqual(
      sorted(["tickers", "ticker:t-brk", "ticker:BRK.B", "ticker:BRKB"]),
    );
  });

  it("revalidates an author by id, its slugs before and after, and the authors list", () => {
    expect(tagsForWebhook(parse({ _id: "a-1", _type: "author", operation: "update" }))).toEqual([
      "authors",
      "author:a-1",
    ]);
    const renamed = parse({
      _id: "drafts.a-1",
      _type: "author",
      slug: "desk",
      before: { slug: "old-desk" },
      operation: "update",
    });
    expect(sorted(tagsForWebhook(renamed))).toEqual(
      sorted(["authors", "author:a-1", "author:desk", "author:old-desk"]),
    );
  });

  it("revalidates nothing for types the site does not show", () => {
    expect(tagsForWebhook(parse({ _id: "x", _type: "sanity.imageAsset" }))).toEqual([]);
  });

  it("accepts the nulls and omissions the Content Lake sends and rejects bodies without identity", () => {
    expect(
      webhookBodySchema.safeParse({
        _id: "p",
        _type: "post",
        slug: null,
        tickerIds: null,
        before: null,
      }).success,
    ).toBe(true);
    expect(webhookBodySchema.safeParse({ _type: "post" }).success).toBe(false);
    expect(webhookBodySchema.safeParse({ _id: "p", _type: "post", tickerIds: "t-1" }).success).toBe(
      false,
    );
    expect(
      webhookBodySchema.safeParse({ _id: "p", _type: "post", operation: "publish" }).success,
    ).toBe(false);
  });
});

describe("tagsForDocumentsIn", () => {
  it("tags every post, ticker and author in a result, once", () => {
    const result = [
      {
        _id: "p1",
        _type: "post",
        tickers: [{ _id: "t1", _type: "ticker" }, null],
        author: { _id: "a1", _type: "author" },
      },
      {
        _id: "p2",
        _type: "post",
        tickers: [{ _id: "t1", _type: "ticker" }],
        body: [{ _type: "block", _key: "k" }],
      },
    ];
    expect(sorted(tagsForDocumentsIn(result))).toEqual(
      sorted(["post:p1", "post:p2", "ticker:t1", "author:a1"]),
    );
  });

  it("returns nothing for empty or scalar results", () => {
    expect(tagsForDocumentsIn(null)).toEqual([]);
    expect(tagsForDocumentsIn(3)).toEqual([]);
    expect(tagsForDocumentsIn([])).toEqual([]);
  });
});
