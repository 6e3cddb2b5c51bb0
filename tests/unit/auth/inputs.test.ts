import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { clientIpFrom } = await import("@/lib/auth/client-ip");
const { emailSignInSchema, safeCallbackPath } = await import("@/lib/auth/sign-in-input");
const { rateLimitedPath, signInErrorFromRedirect, signInErrorMessage } =
  await import("@/lib/auth/sign-in-errors");

describe("sign-in form input", () => {
  it("accepts an address, trimmed, and a path on this site to come back to", () => {
    expect(
      emailSignInSchema.parse({ email: "  reader@example.com ", callbackUrl: "/tickers/IWM?x=1" }),
    ).toEqual({ email: "reader@example.com", callbackUrl: "/tickers/IWM?x=1" });
  });

  it("says what is wrong with the address", () => {
    const messages = (email: unknown) =>
      emailSignInSchema.safeParse({ email }).error?.issues.map((issue) => issue.message);
    expect(messages("")).toEqual(["Enter your email address."]);
    expect(messages(null)).toEqual(["Enter your email address."]);
    expect(messages("reader@")).toEqual(["Enter an email address like name@example.com."]);
    expect(messages(`${"a".repeat(250)}@example.com`)).toEqual(["That email address is too long."]);
  });

  it("never sends the reader to another site after signing in", () => {
    for (const value of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      ["/a"],
    ]) {
      expect(safeCallbackPath(value), String(value)).toBe("/account");
    }
    expect(safeCallbackPath("/watchlist#top")).toBe("/watchlist#top");
  });
});

describe("client IP for the per-IP limit", () => {
  const ip = (headers: Record<string, string>) => clientIpFrom(new Headers(headers));

  it("takes the first x-forwarded-for entry, else x-real-ip", () => {
    expect(ip({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "10.0.0.2" })).toBe(
      "203.0.113.7",
    );
    expect(ip({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(ip({})).toBeUndefined();
  });

  it("counts an IPv6 /64 as one client and unwraps IPv4-mapped addresses", () => {
    expect(ip({ "x-forwarded-for": "2001:db8:0:1:aaaa::1" })).toBe("2001:db8:0:1::/64");
    expect(ip({ "x-forwarded-for": "2001:DB8:0:1:ffff:ffff:ffff:ffff" })).toBe("2001:db8:0:1::/64");
    expect(ip({ "x-forwarded-for": "::1" })).toBe("0:0:0:0::/64");
    expect(ip({ "x-forwarded-for": "::ffff:192.0.2.9" })).toBe("192.0.2.9");
  });
});

describe("sign-in error messages", () => {
  it("round-trips a rate limit through the /signin redirect", () => {
    const path = rateLimitedPath("address", 4 * 60_000 + 1);
    expect(signInErrorMessage(signInErrorFromRedirect(`http://localhost:3000${path}`) ?? {})).toBe(
      "Too many sign-in links requested for this address. Try again in 5 minutes.",
    );
    expect(signInErrorMessage(signInErrorFromRedirect(rateLimitedPath("ip", 1)) ?? {})).toBe(
      "Too many sign-in links requested from this network. Try again in 1 minute.",
    );
  });

  it("explains Auth.js's errors and keeps others generic", () => {
    expect(signInErrorMessage({ error: "Verification" })).toMatch(
      /expired or has already been used/,
    );
    expect(signInErrorMessage({ error: "Configuration" })).toMatch(/not available right now/);
    expect(signInErrorMessage({ error: "<script>" })).toMatch(/not available right now/);
    expect(signInErrorMessage({})).toBeUndefined();
    expect(
      signInErrorFromRedirect("http://localhost:3000/signin/check-email?provider=nodemailer"),
    ).toBeUndefined();
  });
});
