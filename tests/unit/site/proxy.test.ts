import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const run = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")));
const rewrittenTo = (response: Response) => response.headers.get("x-middleware-rewrite");

describe("proxy: /?page=N", () => {
  it("leaves the home page and its first page alone", () => {
    for (const path of ["/", "/?page=1", "/?utm_source=feed"]) {
      const response = run(path);
      expect(rewrittenTo(response), path).toBeNull();
      expect(response.headers.get("location"), path).toBeNull();
    }
  });

  it("rewrites later pages to latest/[page], keeping other query parameters", () => {
    expect(rewrittenTo(run("/?page=2"))).toBe("http://localhost:3000/latest/2");
    expect(rewrittenTo(run("/?page=12&utm_source=feed"))).toBe(
      "http://localhost:3000/latest/12?utm_source=feed",
    );
  });

  it("sends anything that is not a page number to the placeholder page, a 404", () => {
    for (const path of ["/?page=abc", "/?page=0", "/?page=", "/?page=1&page=2", "/?page=-1"]) {
      expect(rewrittenTo(run(path)), path).toBe("http://localhost:3000/latest/-");
    }
  });
});

describe("proxy: /tickers/:symbol", () => {
  it("redirects other spellings of a symbol permanently", () => {
    const response = run("/tickers/iwm");
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("http://localhost:3000/tickers/IWM");
  });

  it("lets canonical and impossible symbols through to the page", () => {
    for (const path of ["/tickers/IWM", "/tickers/ZZZZ", "/tickers/-"]) {
      expect(run(path).headers.get("location"), path).toBeNull();
    }
  });
});
