import { createElement, type ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toHomeCardData, toPostCardData, toTickerCardData } from "@/lib/og/card-data";
import { HomeCard } from "@/lib/og/home-card";
import { PostCard } from "@/lib/og/post-card";
import { TickerCard } from "@/lib/og/ticker-card";
import { renderCard } from "@/lib/og/render";
import {
  barePost,
  lineChartPost,
  LONG_TITLE,
  longTitlePost,
  seedLatest,
  seedPost,
  seedTicker,
  seedTickerCoverage,
} from "./fixtures";
import { compareWithGolden, isPng, pngSize } from "./png";

// Each card kind rendered to PNG with the routes' own drawing code (lib/og/render.tsx wraps
// next/og's ImageResponse), checked as a crawler would and against a golden image.

const MAX_BYTES = 300 * 1024;
const MAX_DIFF_RATIO = 0.01;

const cards: Array<{ name: string; element: () => ReactElement }> = [
  { name: "post-seed", element: () => createElement(PostCard, toPostCardData(seedPost)) },
  {
    name: "post-long-title",
    element: () => createElement(PostCard, toPostCardData(longTitlePost)),
  },
  { name: "post-bare", element: () => createElement(PostCard, toPostCardData(barePost)) },
  {
    name: "post-line-chart",
    element: () => createElement(PostCard, toPostCardData(lineChartPost)),
  },
  {
    name: "ticker",
    element: () => createElement(TickerCard, toTickerCardData(seedTicker, seedTickerCoverage)),
  },
  { name: "home", element: () => createElement(HomeCard, toHomeCardData(seedLatest)) },
];

async function render(element: ReactElement): Promise<Buffer> {
  return Buffer.from(await renderCard(element).arrayBuffer());
}

// @vercel/og fetches a fallback font from the network for any glyph the bundled fonts lack;
// no such fetch means no glyph fell outside Inter's latin, latin-ext and vietnamese subsets.
// (It also fetches its own WebAssembly from data: URLs, which pass through.)
const realFetch = globalThis.fetch;
const networkFetches: string[] = [];
beforeAll(() => {
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return realFetch(input, init);
    networkFetches.push(url);
    return Promise.reject(new Error(`cards must not fetch ${url}`));
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe("social cards", () => {
  it("uses a 200-character title as the long-title fixture", () => {
    expect(LONG_TITLE).toHaveLength(200);
  });

  for (const card of cards) {
    it(`${card.name}: a 1200×630 PNG under 300 KB that matches its golden`, async () => {
      const png = await render(card.element());
      expect(isPng(png)).toBe(true);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(png.byteLength).toBeLessThan(MAX_BYTES);

      const result = compareWithGolden(card.name, png, MAX_DIFF_RATIO);
      if (result.kind === "missing") {
        throw new Error(`no golden at ${result.path}; run with UPDATE_GOLDENS=1 and look at it`);
      }
      if (result.kind === "compared") {
        expect(
          result.diff.ratio,
          `${card.name}: ${result.diff.differing} of ${result.diff.total} pixels differ (actual image: ${result.actualPath})`,
        ).toBeLessThanOrEqual(MAX_DIFF_RATIO);
      }
    });
  }

  it("never fetched a fallback font", () => {
    expect(networkFetches).toEqual([]);
  });
});
