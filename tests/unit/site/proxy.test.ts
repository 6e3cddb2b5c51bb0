import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { config, proxy } = await import("@/proxy");

const run = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")));
const rewrittenTo = (response: Response) => response.headers.get("x-middleware-rewrite");

describe("proxy: /?page=N", async () => {
  it("leaves the home page and its first page alone", async () => {
    for (const path of ["/", "/?page=1", "/?utm_source=feed"]) {
      const response = await run(path);
      expect(rewrittenTo(response), path).toBeNull();
      expect(response.headers.get("location"), path).toBeNull();
    }
  });

  it("rewrites later pages to latest/[page], keeping other query parameters", async () => {
    expect(rewrittenTo(await run("/?page=2"))).toBe("http://localhost:3000/latest/2");
    expect(rewrittenTo(await run("/?page=12&utm_source=feed"))).toBe(
      "http://localhost:3000/latest/12?utm_source=feed",
    );
  });

  it("sends anything that is not a page number to the placeholder page, a 404", async () => {
    for (const path of ["/?page=abc", "/?page=0", "/?page=", "/?page=1&page=2", "/?page=-1"]) {
      expect(rewrittenTo(await run(path)), path).toBe("http://localhost:3000/latest/-");
    }
  });
});

describe("proxy: ?page=N of an author's, a ticker's and a topic's page", async () => {
  const lists = ["/authors/daily-insight-desk", "/tickers/IWM", "/topics/small-cap-value"];

  it("rewrites later pages to the list's pages/[page], keeping other query parameters", async () => {
    for (const list of lists) {
      expect(rewrittenTo(await run(`${list}?page=2`)), list).toBe(
        `http://localhost:3000${list}/pages/2`,
      );
      expect(rewrittenTo(await run(`${list}?page=7&utm_source=feed`)), list).toBe(
        `http://localhost:3000${list}/pages/7?utm_source=feed`,
      );
      expect(rewrittenTo(await run(`${list}?page=abc`)), list).toBe(
        `http://localhost:3000${list}/pages/-`,
      );
    }
  });

  it("leaves first pages alone, and is matched only when a page is asked for", async () => {
    for (const list of lists) {
      for (const path of [list, `${list}?page=1`]) {
        const response = await run(path);
        expect(rewrittenTo(response), path).toBeNull();
        expect(response.headers.get("location"), path).toBeNull();
      }
      expect(unstable_doesMiddlewareMatch({ config, url: `${list}?page=2` }), list).toBe(true);
    }
    for (const url of ["/authors/daily-insight-desk", "/topics/small-cap-value"]) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
  });

  it("redirects another spelling of a symbol first, keeping the page", async () => {
    const response = await run("/tickers/iwm?page=3");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("http://localhost:3000/tickers/IWM?page=3");
  });
});

describe("proxy: /tickers/:symbol", async () => {
  it("redirects other spellings of a symbol permanently", async () => {
    const response = await run("/tickers/iwm");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("http://localhost:3000/tickers/IWM");
  });

  it("is matched for the ticker page only, not for its feed (which redirects other spellings itself)", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/tickers/iwm" })).toBe(true);
    for (const url of ["/tickers/iwm/feed.xml", "/tickers/IWM/feed.xml", "/feed.xml"]) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
  });

  it("lets canonical and impossible symbols through to the page", async () => {
    for (const path of ["/tickers/IWM", "/tickers/ZZZZ", "/tickers/-"]) {
      expect((await run(path)).headers.get("location"), path).toBeNull();
    }
  });
});

describe("proxy: redirects", () => {
  it("point at SITE_URL, whatever Host the request named", async () => {
    const forged = await proxy(new NextRequest("http://evil.example/tickers/iwm?ref=x"));
    expect(forged.headers.get("location")).toBe("http://localhost:3000/tickers/IWM?ref=x");
  });
});

describe("proxy: other pages", () => {
  it("lets a page it only sees for its server actions through untouched", async () => {
    // The matcher sends every page's server actions here: a draft article is no ticker page.
    for (const path of [
      "/draft/insights/a-post",
      "/signin/check-email",
      "/tickers/IWM/opengraph-image",
      "/tickers/iwm/feed.xml",
    ]) {
      const response = await run(path);
      expect(response.headers.get("location"), path).toBeNull();
      expect(rewrittenTo(response), path).toBeNull();
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });
});
