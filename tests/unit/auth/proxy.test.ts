import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const run = (path: string, cookie?: string) =>
  proxy(
    new NextRequest(new URL(path, "http://localhost:3000"), {
      headers: cookie ? { cookie } : {},
    }),
  );

describe("proxy: reader pages", () => {
  it("sends a reader without a session cookie to /signin with a real 307, and back after", () => {
    const response = run("/account?tab=email");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/signin?callbackUrl=%2Faccount%3Ftab%3Demail",
    );
  });

  it("lets a request with a session cookie through to the page, which checks the session", () => {
    for (const cookie of ["authjs.session-token=abc", "__Secure-authjs.session-token=abc"]) {
      const response = run("/account", `theme=dark; ${cookie}`);
      expect(response.headers.get("location"), cookie).toBeNull();
      expect(response.headers.get("x-middleware-next"), cookie).toBe("1");
    }
    expect(run("/account", "authjs.csrf-token=abc").status).toBe(307);
  });

  it("guards /watchlist the same way", () => {
    const response = run("/watchlist");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/signin?callbackUrl=%2Fwatchlist",
    );
    expect(run("/watchlist", "authjs.session-token=abc").headers.get("x-middleware-next")).toBe(
      "1",
    );
  });
});
