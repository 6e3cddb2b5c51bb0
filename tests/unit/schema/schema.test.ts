import { describe, expect, it } from "vitest";
import { schemaTypes } from "../../../sanity/schemaTypes/index.ts";

// The content model's names (documents, objects, fields) are a contract: GROQ queries, the
// typegen types, the seed, tests and tools read them by name, so this test writes them down.
type Field = {
  name: string;
  type: string;
  of?: Array<{ type: string; name?: string; fields?: Field[] }>;
  to?: Array<{ type: string }>;
};
type TypeDef = { name: string; type: string; fields?: Field[]; of?: unknown[] };

const byName = new Map((schemaTypes as unknown as TypeDef[]).map((type) => [type.name, type]));
const fieldsOf = (name: string) => (byName.get(name)?.fields ?? []).map((field) => field.name);
const field = (type: string, name: string) =>
  byName.get(type)?.fields?.find((f) => f.name === name);

describe("content model", () => {
  it("declares the post, ticker and author documents and the objects they hold", () => {
    expect(byName.get("post")?.type).toBe("document");
    expect(byName.get("ticker")?.type).toBe("document");
    expect(byName.get("author")?.type).toBe("document");
    expect(byName.get("chart")?.type).toBe("object");
    expect(byName.get("tickerMention")?.type).toBe("object");
    expect(byName.get("keyPoint")?.type).toBe("object");
  });

  it("names the fields as the contract does", () => {
    expect(fieldsOf("ticker")).toEqual(["symbol", "name", "kind", "exchange", "description"]);
    expect(fieldsOf("author")).toEqual(["name", "slug", "role", "bio", "disclosure"]);
    expect(fieldsOf("post")).toEqual(
      expect.arrayContaining([
        "title",
        "slug",
        "publishedAt",
        "summary",
        "author",
        "tickers",
        "keyPoints",
        "body",
        "recommendedTopics",
        "corrections",
      ]),
    );
    expect(fieldsOf("tickerMention")).toEqual(["ticker", "note", "position"]);
    expect(fieldsOf("keyPoint")).toEqual(["label", "text"]);
    expect(fieldsOf("chart")).toEqual(["title", "caption", "kind", "unit", "series", "source"]);
  });

  it("makes every ticker mention state the author's position, and shapes corrections", () => {
    const position = field("tickerMention", "position") as
      { options?: { list?: Array<{ value: string }> }; validation?: unknown } | undefined;
    expect(position?.options?.list?.map((option) => option.value)).toEqual([
      "none",
      "long",
      "short",
    ]);
    expect(position?.validation).toBeDefined();
    const correction = field("post", "corrections")?.of?.[0];
    expect(correction?.fields?.map((f) => f.name)).toEqual(["kind", "at", "text"]);
    const kind = correction?.fields?.find((f) => f.name === "kind") as
      { options?: { list?: Array<{ value: string }> } } | undefined;
    expect(kind?.options?.list?.map((option) => option.value)).toEqual([
      "correction",
      "update",
      "clarification",
    ]);
  });

  it("links post tickers and authors by reference", () => {
    expect(field("tickerMention", "ticker")?.to).toEqual([{ type: "ticker" }]);
    expect(field("post", "author")?.to).toEqual([{ type: "author" }]);
    expect(field("post", "tickers")?.of?.map((member) => member.type)).toEqual(["tickerMention"]);
  });

  it("lets the body hold text blocks and charts", () => {
    const body = byName.get("blockContent")?.of as Array<{ type: string }>;
    expect(body.map((member) => member.type)).toEqual(["block", "chart"]);
  });

  it("shapes chart series as {name, points} and points as {label, value, low, high}", () => {
    const series = field("chart", "series")?.of?.[0];
    expect(series?.fields?.map((f) => f.name)).toEqual(["name", "points"]);
    const point = series?.fields?.find((f) => f.name === "points")?.of?.[0];
    expect(point?.fields?.map((f) => f.name)).toEqual(["label", "value", "low", "high"]);
  });
});
