import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { clientAddressFrom, ipRateLimitKey, isLoopbackAddress } =
  await import("@/lib/auth/client-ip");
const { mailboxKey } = await import("@/lib/auth/rate-limit");
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
      "http:evil.example",
      "//evil.example/x",
      "///evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/.//evil.example",
      "/./..//evil.example",
      "/a/../..//evil.example",
      "/%09/evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " /watchlist",
      "data:text/html,<script>alert(1)</script>",
      ["/a"],
      42,
    ]) {
      const path = safeCallbackPath(value);
      expect(path, JSON.stringify(value)).toMatch(/^\/(?![/\\])/);
      expect(new URL(path, "https://site.example").origin, JSON.stringify(value)).toBe(
        "https://site.example",
      );
    }
    expect(safeCallbackPath("/.//evil.example")).toBe("/");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    // An encoded slash stays encoded: a path on this site, never a host.
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    // None given: the account page.
    for (const missing of ["", undefined, null]) expect(safeCallbackPath(missing)).toBe("/account");
    expect(safeCallbackPath("/watchlist#top")).toBe("/watchlist#top");
    expect(safeCallbackPath("/tickers/IWM?x=1")).toBe("/tickers/IWM?x=1");
  });
});

describe("client address for the per-IP limit", () => {
  const address = (forwardedFor: string | undefined, hops = 0) =>
    clientAddressFrom(
      new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
      hops,
    );

  it("with no proxy, is the connection's own address, appended last by the site's server", () => {
    expect(address("203.0.113.7, 10.0.0.1")).toBe("10.0.0.1");
    expect(address("198.51.100.4")).toBe("198.51.100.4");
    expect(address(undefined)).toBeUndefined();
    expect(address(" , ")).toBeUndefined();
  });

  it("behind trusted proxies, counts hops from the right and never reads what the client wrote", () => {
    // client claimed 1.1.1.1; nginx saw 203.0.113.7; the site saw nginx at 10.0.0.2.
    expect(address("1.1.1.1, 203.0.113.7, 10.0.0.2", 1)).toBe("203.0.113.7");
    // CDN → nginx → site: the CDN saw the client.
    expect(address("1.1.1.1, 203.0.113.7, 172.16.0.9, 10.0.0.2", 2)).toBe("203.0.113.7");
    // A request that bypassed the proxy has a shorter chain: its first entry, never beyond.
    expect(address("10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("ignores X-Real-IP, which a client can set", () => {
    expect(
      clientAddressFrom(new Headers({ "x-real-ip": "1.1.1.1", "x-forwarded-for": "10.0.0.1" }), 0),
    ).toBe("10.0.0.1");
    expect(clientAddressFrom(new Headers({ "x-real-ip": "1.1.1.1" }), 0)).toBeUndefined();
  });

  it("unwraps brackets, ports and IPv4-mapped addresses", () => {
    expect(address("::ffff:192.0.2.9")).toBe("192.0.2.9");
    expect(address("[2001:db8::1]:443")).toBe("2001:db8::1");
  });

  it("counts an IPv6 /64 as one client", () => {
    expect(ipRateLimitKey("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(ipRateLimitKey("2001:DB8:0:1:ffff:ffff:ffff:ffff")).toBe("2001:db8:0:1::/64");
    expect(ipRateLimitKey("192.0.2.9")).toBe("192.0.2.9");
    expect(ipRateLimitKey("not-an-address".repeat(10))).toHaveLength(64);
  });

  it("knows loopback addresses", () => {
    for (const ip of ["127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1"])
      expect(isLoopbackAddress(ip), ip).toBe(true);
    for (const ip of ["10.0.0.1", "::2", "192.168.1.2", "fe80::1", "localhost", undefined])
      expect(isLoopbackAddress(ip), String(ip)).toBe(false);
  });
});

describe("the inbox an address reaches, for the per-address limit", () => {
  it("folds case, +tags and Gmail's dots", () => {
    expect(mailboxKey("Victim+1@Example.com")).toBe("victim@example.com");
    expect(mailboxKey("victim+a+b@example.com")).toBe("victim@example.com");
    expect(mailboxKey("v.i.c.t.i.m+x@gmail.com")).toBe("victim@gmail.com");
    expect(mailboxKey("victim@googlemail.com")).toBe("victim@gmail.com");
    // Dots matter elsewhere.
    expect(mailboxKey("first.last@example.com")).toBe("first.last@example.com");
    // An address that is all tag keeps what it has.
    expect(mailboxKey("+x@example.com")).toBe("+x@example.com");
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
