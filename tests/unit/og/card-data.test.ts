import { describe, expect, it } from "vitest";
import { toHomeCardData, toPostCardData, toTickerCardData } from "@/lib/og/card-data";
import { barePost, seedLatest, seedPost, seedTicker, seedTickerCoverage } from "./fixtures";

describe("card data", () => {
  it("takes a post's title, UTC day, ticker symbols and first chart", () => {
    const data = toPostCardData(seedPost);
    expect(data.title).toBe("The Great Rotation: Russell 2000’s Historic Streak Against Big Tech");
    expect(data.date).toBe("January 16, 2026");
    expect(data.symbols).toEqual(["IWM", "AAPL", "NVDA", "SPY", "QQQ"]);
    expect(data.chart?.unit).toBe("x");
    expect(data.chart?.series[0]?.points).toEqual([
      { key: "russell-2000", label: "Russell 2000", value: 18 },
      { key: "sp-500", label: "S&P 500", value: 24, low: 22, high: 26 },
    ]);
  });

  it("has no chart and no symbols for a post without them", () => {
    const data = toPostCardData(barePost);
    expect(data.chart).toBeNull();
    expect(data.symbols).toEqual([]);
  });

  it("counts a ticker's posts and names the latest", () => {
    expect(toTickerCardData(seedTicker, seedTickerCoverage)).toEqual({
      symbol: "IWM",
      name: "iShares Russell 2000 ETF",
      kind: "etf",
      postCount: 1,
      latestTitle: seedLatest.title,
    });
    expect(toTickerCardData(seedTicker, { posts: [], total: 0 })).toMatchObject({
      postCount: 0,
      latestTitle: null,
    });
    // The card reads the ticker page's first page: the count is every post's, not the page's.
    expect(
      toTickerCardData(seedTicker, { posts: [{ title: "Newest" }, { title: "Older" }], total: 45 }),
    ).toMatchObject({ postCount: 45, latestTitle: "Newest" });
  });

  it("shows the latest post on the home card, or none", () => {
    expect(toHomeCardData(seedLatest)).toEqual({
      latestTitle: seedLatest.title,
      latestDate: "January 16, 2026",
    });
    expect(toHomeCardData(undefined)).toEqual({ latestTitle: null, latestDate: null });
  });
});
