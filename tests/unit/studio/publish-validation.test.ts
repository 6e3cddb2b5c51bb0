import { validateDocument } from "@sanity/validation";
import type { ValidationClient } from "@sanity/validation";
import { createSchema } from "sanity";
import type { SanityDocument, SlugIsUniqueValidator } from "sanity";
import { describe, expect, it } from "vitest";
import { schemaTypes } from "../../../sanity/schemaTypes/index.ts";
import { postType } from "../../../sanity/schemaTypes/post.ts";

// What stops a publish in the Studio: the post and ticker schema run through Sanity's own
// validator. `unique` answers the uniqueness queries as the dataset would.
const schema = createSchema({ name: "default", types: schemaTypes });

async function errorsFor(document: Record<string, unknown>, unique = true) {
  const client = {
    fetch: async () => unique,
    getDataUrl: () => "",
    observable: {},
    withConfig: () => client,
  };
  const { markers } = await validateDocument({
    document: {
      _id: "drafts.doc",
      _createdAt: "",
      _updatedAt: "",
      _rev: "",
      ...document,
    } as SanityDocument,
    schema,
    client: client as unknown as ValidationClient,
    getDocumentExists: async () => true,
  });
  return markers
    .filter((marker) => marker.level === "error")
    .map(
      (marker) =>
        `${marker.path.map((p) => (typeof p === "object" ? "[]" : p)).join(".")}: ${marker.message}`,
    );
}

const post = (extra: Record<string, unknown> = {}) => ({
  _type: "post",
  title: "Small caps",
  slug: { _type: "slug", current: "small-caps" },
  publishedAt: "2026-01-16T12:00:00.000Z",
  summary: "s",
  author: { _type: "reference", _ref: "author-desk" },
  body: [
    {
      _type: "block",
      _key: "b",
      style: "normal",
      markDefs: [],
      children: [{ _type: "span", _key: "s", text: "t", marks: [] }],
    },
  ],
  ...extra,
});

const mention = (key: string, ref: string, note?: string) => ({
  _type: "tickerMention",
  _key: key,
  ticker: { _type: "reference", _ref: ref },
  ...(note ? { note } : {}),
});

describe("what stops a publish", () => {
  it("lets a complete post through", async () => {
    expect(await errorsFor(post({ tickers: [mention("a", "ticker-IWM", "Why")] }))).toEqual([]);
  });

  it("a ticker mention without a note", async () => {
    expect(
      await errorsFor(
        post({ tickers: [mention("a", "ticker-IWM", "Why"), mention("b", "ticker-SPY")] }),
      ),
    ).toEqual(["tickers.[].note: Every ticker mention needs a note on why it matters"]);
  });

  it("an empty chart, and a series without points", async () => {
    const chart = (series: unknown[]) => ({
      _type: "chart",
      _key: "c",
      title: "P/E",
      kind: "bar",
      series,
    });
    expect(await errorsFor(post({ body: [chart([])] }))).toEqual([
      "body.[].series: A chart needs at least one data series",
    ]);
    expect(
      await errorsFor(
        post({ body: [chart([{ _type: "chartSeries", _key: "s", name: "P/E", points: [] }])] }),
      ),
    ).toEqual(["body.[].series.[].points: Series “P/E” needs at least one point"]);
  });

  it("a symbol another published ticker uses", async () => {
    expect(
      await errorsFor({ _type: "ticker", symbol: "IWM", name: "iShares", kind: "etf" }, false),
    ).toEqual(["symbol: Another ticker already uses the symbol “IWM”"]);
  });

  // Sanity reports the slug check ("Slug is already in use") as an error in the Studio; its
  // command-line validator downgrades checks on object fields to warnings, so the check itself
  // is exercised here.
  it("a slug another published post uses", async () => {
    const slugField = postType.fields.find((field) => field.name === "slug");
    const isUnique = (slugField?.options as { isUnique?: SlugIsUniqueValidator } | undefined)
      ?.isUnique;
    if (!isUnique) throw new Error("the post slug checks uniqueness");
    const context = (taken: boolean) =>
      ({
        document: { _id: "drafts.doc", _type: "post" },
        getClient: () => ({ withConfig: () => ({ fetch: async () => !taken }) }),
      }) as unknown as Parameters<SlugIsUniqueValidator>[1];
    expect(await isUnique("small-caps", context(true))).toBe(false);
    expect(await isUnique("small-caps", context(false))).toBe(true);
  });
});
