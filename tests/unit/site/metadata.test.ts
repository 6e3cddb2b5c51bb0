import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { pageAlternates, siteMetadata } = await import("@/lib/site/metadata");

// Next replaces a layout's `alternates` with a page's whole, so the site's feed must be named by
// every page that names its canonical address, not only by the layout.

const siteFeed = { url: "/feed.xml", title: "Daily Insight" };

describe("feed links in metadata", () => {
  it("name the site's feed on every page that names none of its own", () => {
    expect(siteMetadata.alternates?.types).toEqual({ "application/rss+xml": [siteFeed] });
    expect(pageAlternates("/search")).toEqual({
      canonical: "/search",
      types: { "application/rss+xml": [siteFeed] },
    });
  });

  it("name a page's own feed first, then the site's", () => {
    const own = { url: "/tickers/IWM/feed.xml", title: "Daily Insight: IWM" };
    expect(pageAlternates("/tickers/IWM", own)).toEqual({
      canonical: "/tickers/IWM",
      types: { "application/rss+xml": [own, siteFeed] },
    });
  });
});
