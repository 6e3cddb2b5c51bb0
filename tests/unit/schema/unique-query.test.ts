import { evaluate, parse } from "groq-js";
import { describe, expect, it } from "vitest";
import { isUniqueValue, uniqueValueQuery } from "../../../sanity/schemaTypes/rules.ts";

// The uniqueness GROQ, run by groq-js over a small dataset: drafts and the document itself
// never make a value taken; another published document does.
const dataset = [
  { _id: "ticker-IWM", _type: "ticker", symbol: "IWM" },
  { _id: "drafts.ticker-IWM", _type: "ticker", symbol: "IWM" },
  { _id: "drafts.other", _type: "ticker", symbol: "SPY" },
  { _id: "versions.r1.other2", _type: "ticker", symbol: "QQQ" },
  { _id: "post.a", _type: "post", slug: { current: "hello" } },
];

const fetchQuery = async (query: string, params: Record<string, unknown>) =>
  (await evaluate(parse(query, { params }), { dataset, params })).get();

const check = (type: string, field: string, value: string, documentId: string) =>
  isUniqueValue(fetchQuery, { type, field, value, documentId });

describe("uniqueValueQuery", () => {
  it("ignores the document's own published and draft versions", async () => {
    expect(await check("ticker", "symbol", "IWM", "drafts.ticker-IWM")).toBe(true);
    expect(await check("ticker", "symbol", "IWM", "ticker-IWM")).toBe(true);
  });

  it("reports a value another published document uses", async () => {
    expect(await check("ticker", "symbol", "IWM", "drafts.new-ticker")).toBe(false);
    expect(await check("post", "slug.current", "hello", "drafts.post.b")).toBe(false);
  });

  it("ignores other documents' drafts and versions, and other types", async () => {
    expect(await check("ticker", "symbol", "SPY", "drafts.new")).toBe(true);
    expect(await check("ticker", "symbol", "QQQ", "drafts.new")).toBe(true);
    expect(await check("author", "slug.current", "hello", "drafts.new")).toBe(true);
  });

  it("is valid GROQ", () => {
    expect(() => parse(uniqueValueQuery("post", "slug.current"))).not.toThrow();
  });
});
