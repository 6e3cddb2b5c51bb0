import { describe, expect, it } from "vitest";
import {
  absoluteUrlFor,
  authorPath,
  cardPath,
  latestPageRoute,
  latestPath,
  listPageRoute,
  postPath,
  postPreviewPath,
  postPreviewRoutePattern,
  postRoutePattern,
  searchPath,
  tickerPath,
  topicPath,
} from "@/lib/routes";

describe("route builders", () => {
  it("build each page's path", () => {
    expect(postPath("the-great-rotation")).toBe("/insights/the-great-rotation");
    expect(postPreviewPath("the-great-rotation")).toBe("/draft/insights/the-great-rotation");
    expect(tickerPath("BRK.B")).toBe("/tickers/BRK.B");
    expect(topicPath("the-janus-effect-in-markets")).toBe("/topics/the-janus-effect-in-markets");
    expect(authorPath("desk")).toBe("/authors/desk");
  });

  it("encode an odd slug or symbol as one segment, the same way everywhere", () => {
    expect(postPath("a/b ?#%é")).toBe("/insights/a%2Fb%20%3F%23%25%C3%A9");
    expect(postPreviewPath("a/b")).toBe("/draft/insights/a%2Fb");
    expect(tickerPath("A/B?C")).toBe("/tickers/A%2FB%3FC");
    expect(topicPath("x y")).toBe("/topics/x%20y");
    expect(authorPath("../admin")).toBe("/authors/..%2Fadmin");
  });

  it("give the Presentation tool the same routes as patterns", () => {
    expect(postRoutePattern).toBe("/insights/:slug");
    expect(postPreviewRoutePattern).toBe("/draft/insights/:slug");
  });

  it("give the latest posts one URL per page, and the route proxy.ts rewrites it to", () => {
    expect(latestPath()).toBe("/");
    expect(latestPath(1)).toBe("/");
    expect(latestPath(3)).toBe("/?page=3");
    expect(latestPageRoute(3)).toBe("/latest/3");
    expect(latestPageRoute(null)).toBe("/latest/-");
    expect(listPageRoute(authorPath("desk"), 2)).toBe("/authors/desk/pages/2");
    expect(listPageRoute("/tickers/BRK.B/", null)).toBe("/tickers/BRK.B/pages/-");
  });

  it("search with an encoded query", () => {
    expect(searchPath()).toBe("/search");
    expect(searchPath("IWM")).toBe("/search?q=IWM");
    expect(searchPath("small caps & more")).toBe("/search?q=small+caps+%26+more");
  });

  it("name a page's cards", () => {
    expect(cardPath("/", "opengraph-image")).toBe("/opengraph-image");
    expect(cardPath(postPath("x"), "twitter-image")).toBe("/insights/x/twitter-image");
  });

  it("make absolute URLs on the site, with or without a trailing slash", () => {
    expect(absoluteUrlFor(postPath("a b"), "https://insight.example")).toBe(
      "https://insight.example/insights/a%20b",
    );
    expect(absoluteUrlFor("/", "https://insight.example/")).toBe("https://insight.example/");
    expect(absoluteUrlFor(tickerPath("BRK.B"), "http://localhost:3000")).toBe(
      "http://localhost:3000/tickers/BRK.B",
    );
  });
});
