import type { SlugIsUniqueValidator } from "sanity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postType } from "../../../sanity/schemaTypes/post.tsx";
import { seedDataset } from "../../../scripts/seed.ts";
import { startTestLake, type TestLake } from "../../support/lake.ts";
import { seedDocs, seedPost } from "../../support/seed-post.ts";
import { describeMarker, studioMarkers } from "../../support/studio-validation.ts";

// What stops a publish in the Studio: errors from Sanity's validator, run as the Studio runs
// it, asking a real lake seeded with the seed post about uniqueness.
let lake: TestLake;
beforeAll(async () => {
  lake = await startTestLake();
  await seedDataset(lake.client, seedDocs);
});
afterAll(async () => {
  await lake?.stop();
});

async function errorsFor(document: Record<string, unknown>) {
  const markers = await studioMarkers(document, lake.client);
  return markers.filter((marker) => marker.level === "error").map(describeMarker);
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

const mention = (key: string, ref: string, note?: string, position: string | null = "none") => ({
  _type: "tickerMention",
  _key: key,
  ticker: { _type: "reference", _ref: ref },
  ...(note ? { note } : {}),
  ...(position ? { position } : {}),
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

  it("a ticker mention without the author's position", async () => {
    expect(await errorsFor(post({ tickers: [mention("a", "ticker-IWM", "Why", null)] }))).toEqual([
      "tickers.[].position: State the author's position in this ticker (none, long or short)",
    ]);
    expect(await errorsFor(post({ tickers: [mention("a", "ticker-IWM", "Why", "long")] }))).toEqual(
      [],
    );
  });

  it("corrections out of order", async () => {
    const correction = (key: string, at: string, text: string) => ({
      _type: "correction",
      _key: key,
      kind: "correction",
      at,
      text,
    });
    const first = correction("a", "2026-01-16T18:00:00.000Z", "The streak is 11 days.");
    const later = correction("b", "2026-01-17T09:00:00.000Z", "Added the close.");
    expect(await errorsFor(post({ corrections: [later, first] }))).toEqual([]);
    expect(await errorsFor(post({ corrections: [first, later] }))).toEqual([
      "corrections.[].at: Corrections run newest first: move this one above the older ones",
    ]);
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
      await errorsFor({ _type: "ticker", symbol: "IWM", name: "iShares", kind: "etf" }),
    ).toEqual(["symbol: Another ticker already uses the symbol “IWM”"]);
    expect(
      await errorsFor({ _type: "ticker", symbol: "TSLA", name: "Tesla", kind: "stock" }),
    ).toEqual([]);
  });

  it("a slug another published post uses", async () => {
    expect(await errorsFor(post({ slug: { _type: "slug", current: seedPost.slug } }))).toEqual([
      "slug: Slug is already in use",
    ]);
  });

  it("the Generate button's uniqueness check agrees", async () => {
    const slugField = postType.fields.find((field) => field.name === "slug");
    const isUnique = (slugField?.options as { isUnique?: SlugIsUniqueValidator } | undefined)
      ?.isUnique;
    if (!isUnique) throw new Error("the post slug checks uniqueness");
    const context = {
      document: { _id: "drafts.doc", _type: "post" },
      getClient: () => lake.client,
    } as unknown as Parameters<SlugIsUniqueValidator>[1];
    expect(await isUnique(seedPost.slug, context)).toBe(false);
    expect(await isUnique("small-caps", context)).toBe(true);
  });
});
