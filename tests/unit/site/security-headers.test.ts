import { describe, expect, it } from "vitest";
import { securityHeaders, type SecurityHeaderOptions } from "@/lib/http/security-headers";

// The policy scripts/site-server.ts sends; the e2e suite checks the headers on the built site
// and fails on any console error, which is where a CSP violation shows.

const base: SecurityHeaderOptions = {
  siteUrl: "https://insight.example",
  development: false,
  lakeApiHost: undefined,
  oauthOrigins: [],
  studioOrigins: [],
};

function headersFor(options: Partial<SecurityHeaderOptions>, pathname: string) {
  return new Map(securityHeaders({ ...base, ...options })(pathname));
}

function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? "").split("; ").map((part) => {
      const [name = "", ...sources] = part.split(" ");
      return [name, sources];
    }),
  );
}

describe("security headers", () => {
  it("send nosniff, a referrer policy and HSTS on an https site", () => {
    const headers = headersFor({}, "/");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Strict-Transport-Security")).toBe("max-age=31536000");
    expect(
      headersFor({ siteUrl: "http://localhost:3000" }, "/").has("Strict-Transport-Security"),
    ).toBe(false);
  });

  it("give reader pages a CSP without plugins, foreign frames, base tags or foreign forms", () => {
    const csp = directives(headersFor({}, "/").get("Content-Security-Policy"));
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    expect(
      directives(
        headersFor({ siteUrl: "http://localhost:3000" }, "/").get("Content-Security-Policy"),
      ).has("upgrade-insecure-requests"),
    ).toBe(false);
  });

  it("let sign-in forms go on to the configured OAuth providers only", () => {
    const csp = directives(
      headersFor({ oauthOrigins: ["https://github.com"] }, "/").get("Content-Security-Policy"),
    );
    expect(csp.get("form-action")).toEqual(["'self'", "https://github.com"]);
  });

  it("let configured Studios frame draft pages, and nothing else", () => {
    const options = { studioOrigins: ["https://daily.sanity.studio"] };
    const draft = directives(
      headersFor(options, "/draft/insights/a-post").get("Content-Security-Policy"),
    );
    expect(draft.get("frame-ancestors")).toEqual(["'self'", "https://daily.sanity.studio"]);
    const article = directives(headersFor(options, "/").get("Content-Security-Policy"));
    expect(article.get("frame-ancestors")).toEqual(["'self'"]);
  });

  it("let the Studio reach its content API: the local lake's HTTPS/2 address or Sanity's hosts", () => {
    const local = directives(
      headersFor({ lakeApiHost: "https://localhost:3999" }, "/studio/structure").get(
        "Content-Security-Policy",
      ),
    );
    expect(local.get("connect-src")).toEqual(
      expect.arrayContaining(["'self'", "https://localhost:3999", "https://*.localhost:3999"]),
    );
    expect(local.get("object-src")).toEqual(["'none'"]);
    expect(local.get("frame-ancestors")).toEqual(["'self'"]);
    const hosted = directives(headersFor({}, "/studio/structure").get("Content-Security-Policy"));
    expect(hosted.get("connect-src")).toEqual(
      expect.arrayContaining(["https://*.sanity.io", "wss://*.sanity.io"]),
    );
  });

  it("allow eval only in development, for Next's own runtime", () => {
    expect(
      directives(headersFor({ development: true }, "/").get("Content-Security-Policy")).get(
        "script-src",
      ),
    ).toContain("'unsafe-eval'");
  });

  it("give each path its policy: the Studio and draft pages theirs, every other page the site's", () => {
    const csp = (pathname: string) =>
      headersFor({ lakeApiHost: "https://localhost:3999" }, pathname).get(
        "Content-Security-Policy",
      );
    expect(csp("/studio")).toBe(csp("/studio/structure/post"));
    expect(csp("/studio")).toContain("worker-src");
    expect(csp("/studiox")).toBe(csp("/"));
    expect(csp("/draft/insights/x")).toContain("connect-src 'self' https://localhost:3999");
    expect(csp("/drafts")).toBe(csp("/"));
    for (const pathname of ["/", "/studio", "/draft/insights/x"])
      expect(headersFor({}, pathname).get("X-Content-Type-Options")).toBe("nosniff");
  });
});
