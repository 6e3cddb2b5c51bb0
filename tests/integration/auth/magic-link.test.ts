import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions, users, verificationTokens } from "@/drizzle/schema";
import { linkIn, startTestSmtpServer, type TestSmtpServer } from "../../support/smtp";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const { createAuthConfig } = await import("@/lib/auth/config");
const { signInLinkSender } = await import("@/lib/auth/mailer");

type TestDb = Awaited<ReturnType<typeof openTestDb>>;

// The whole magic-link flow through Auth.js's own request handler (what the route handler at
// /api/auth runs), over each database and a real SMTP server: request, email, callback,
// session, single use, expiry, sign-out, and the rate limit in front of it all.
const SMTP_PORT = Number(process.env.AUTH_TEST_SMTP_PORT_FLOW ?? 2528);
const ORIGIN = "http://localhost:3000";
const RATE_LIMIT_CLOCK = new Date("2026-01-16T09:05:00Z");

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer(SMTP_PORT);
});
afterAll(async () => {
  await smtp?.close();
});

describe.each(testDbKinds)("magic-link sign-in on %s", (kind) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const location = (response: Response) => response.headers.get("location");

  /** One request through Auth.js with our configuration, as the route handler runs it. */
  function authFetch(
    path: string,
    init: RequestInit = {},
    trustedProxyHops = 0,
  ): Promise<Response> {
    const request = new Request(new URL(path, ORIGIN), { redirect: "manual", ...init });
    const config = createAuthConfig({
      db: handle.db,
      secret: "magic-link-test-secret-0123456789abcdef",
      from: "Daily Insight <signin@daily-insight.test>",
      sendSignInLink: signInLinkSender({
        EMAIL_SERVER: smtp.url,
        EMAIL_FROM: "Daily Insight <signin@daily-insight.test>",
        NODE_ENV: "test",
      }),
      oauthProviders: [],
      requestHeaders: () => Promise.resolve(request.headers),
      trustedProxyHops,
      // Rate-limit windows are fixed 15-minute slots; a pinned clock keeps a test from
      // straddling two of them.
      now: () => RATE_LIMIT_CLOCK,
    });
    return Auth(request, config);
  }

  /**
   * A browser's cookies, as far as these requests need them. `ip` is the address its requests
   * reach the site from: last in X-Forwarded-For, where scripts/site-server.ts (or the nearest
   * proxy) appends it, after anything the request itself claimed (`claims`).
   */
  class Browser {
    cookies = new Map<string, string>();
    claims: string | undefined;
    trustedProxyHops = 0;
    constructor(readonly ip: string) {}
    async fetch(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      headers.set("x-forwarded-for", this.claims ? `${this.claims}, ${this.ip}` : this.ip);
      if (this.cookies.size > 0) {
        headers.set(
          "cookie",
          [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        );
      }
      const response = await authFetch(path, { ...init, headers }, this.trustedProxyHops);
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = cookie.split(";");
        const [name = "", value = ""] = pair.split("=");
        const expired = attributes.some((attribute) =>
          /max-age=0|expires=thu, 01 jan 1970/i.test(attribute),
        );
        if (expired || value === "") this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value);
      }
      return response;
    }
    async post(path: string, fields: Record<string, string>) {
      const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      return this.fetch(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken }),
      });
    }
    /** Posts the form and follows Auth.js's own redirects, to the page the reader lands on. */
    async requestLink(email: string, callbackUrl = "/watchlist") {
      let response = await this.post("/api/auth/signin/nodemailer", { email, callbackUrl });
      for (let target = location(response); target?.startsWith(`${ORIGIN}/api/auth/`);) {
        response = await this.fetch(target);
        target = location(response);
      }
      return response;
    }
    async session() {
      return (await (await this.fetch("/api/auth/session")).json()) as {
        user?: { id: string; email: string };
      } | null;
    }
  }

  it("emails a link that signs the reader in once, then ends the session on sign-out", async () => {
    const email = `first-${kind}@example.com`;
    const browser = new Browser("203.0.113.10");
    const requested = await browser.requestLink(email);
    expect(location(requested)).toBe("/signin/check-email?provider=nodemailer&type=email");

    const mail = await smtp.takeMailTo(email);
    expect(mail.mail.subject).toBe("Sign in to Daily Insight");
    const link = linkIn(mail);
    expect(link.origin + link.pathname).toBe(`${ORIGIN}/api/auth/callback/nodemailer`);
    expect(link.searchParams.get("email")).toBe(email);
    expect(link.searchParams.get("callbackUrl")).toBe(`${ORIGIN}/watchlist`);
    const token = link.searchParams.get("token") ?? "";
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    // Only a hash of the token is stored, never the token the email carries.
    const stored = await handle.db
      .select()
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, email));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token).not.toBe(token);

    const opened = await browser.fetch(link.pathname + link.search);
    expect(location(opened)).toBe(`${ORIGIN}/watchlist`);
    const reader = await browser.session();
    expect(reader?.user?.email).toBe(email);
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(reader?.user?.id).toBe(user?.id);
    expect(user?.emailVerified).toBeInstanceOf(Date);
    const sessionRows = await handle.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user?.id ?? ""));
    expect(sessionRows).toHaveLength(1);
    const cookieBeforeSignOut = new Map(browser.cookies);

    // The same link a second time, in another browser: the token is gone.
    const replay = await new Browser("203.0.113.11").fetch(link.pathname + link.search);
    expect(location(replay)).toBe(`${ORIGIN}/signin?error=Verification`);

    const signedOut = await browser.post("/api/auth/signout", {
      callbackUrl: "/signin?signedOut=1",
    });
    expect(location(signedOut)).toBe(`${ORIGIN}/signin?signedOut=1`);
    expect(
      await handle.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, user?.id ?? "")),
    ).toEqual([]);
    expect(await browser.session()).toBeNull();
    // The old cookie, kept by someone who copied it, no longer opens the session either.
    const thief = new Browser("203.0.113.12");
    thief.cookies = cookieBeforeSignOut;
    expect(await thief.session()).toBeNull();
  });

  it("refuses a link after it expires", async () => {
    const email = `late-${kind}@example.com`;
    const browser = new Browser("203.0.113.20");
    await browser.requestLink(email);
    const link = linkIn(await smtp.takeMailTo(email));
    await handle.db
      .update(verificationTokens)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(verificationTokens.identifier, email));
    const opened = await browser.fetch(link.pathname + link.search);
    expect(location(opened)).toBe(`${ORIGIN}/signin?error=Verification`);
    expect(await browser.session()).toBeNull();
  });

  it("rate limits requests per address before a token is made or an email sent", async () => {
    const email = `eager-${kind}@example.com`;
    for (let n = 1; n <= 5; n += 1) {
      const response = await new Browser(`192.0.2.${n}`).requestLink(email);
      expect(location(response), `request ${n}`).toMatch(/\/signin\/check-email\?/);
    }
    const refused = await new Browser("192.0.2.6").requestLink(email);
    const target = new URL(location(refused) ?? "", ORIGIN);
    expect(target.pathname).toBe("/signin");
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      error: "RateLimited",
      limit: "address",
    });
    const tokens = await handle.db
      .select()
      .from(verificationTokens)
      .where(eq(verificationTokens.identifier, email));
    expect(tokens).toHaveLength(5);
    for (let n = 1; n <= 5; n += 1) await smtp.takeMailTo(email);
  });

  it("rate limits requests per IP, whatever the addresses", async () => {
    const browser = new Browser("198.51.100.50");
    for (let n = 1; n <= 20; n += 1) {
      const response = await browser.requestLink(`ip-${n}-${kind}@example.com`);
      expect(location(response), `request ${n}`).toMatch(/\/signin\/check-email\?/);
    }
    const refused = await browser.requestLink(`ip-21-${kind}@example.com`);
    expect(new URL(location(refused) ?? "", ORIGIN).searchParams.get("limit")).toBe("ip");
    const elsewhere = await new Browser("198.51.100.51").requestLink(`ip-21-${kind}@example.com`);
    expect(location(elsewhere)).toMatch(/\/signin\/check-email\?/);
  });

  it("counts a client that writes its own X-Forwarded-For at the address it connects from", async () => {
    const browser = new Browser("198.51.100.60");
    for (let n = 1; n <= 21; n += 1) {
      browser.claims = `10.0.${n}.1, 192.0.2.${n}`;
      const response = await browser.requestLink(`forged-${n}-${kind}@example.com`);
      const limited = new URL(location(response) ?? "", ORIGIN).searchParams.get("limit");
      expect(limited, `request ${n}`).toBe(n <= 20 ? null : "ip");
    }
    for (let n = 1; n <= 20; n += 1) await smtp.takeMailTo(`forged-${n}-${kind}@example.com`);
  });

  it("behind one trusted proxy, counts the address the proxy saw, not what the client claimed", async () => {
    // The proxy (192.0.2.254) appended the client's address; the client claimed others before it.
    const viaProxy = (client: string, claim: string) => {
      const browser = new Browser("192.0.2.254");
      browser.trustedProxyHops = 1;
      browser.claims = `${claim}, ${client}`;
      return browser;
    };
    for (let n = 1; n <= 20; n += 1) {
      const response = await viaProxy("203.0.113.80", `10.1.${n}.1`).requestLink(
        `proxied-${n}-${kind}@example.com`,
      );
      expect(location(response), `request ${n}`).toMatch(/\/signin\/check-email\?/);
    }
    const refused = await viaProxy("203.0.113.80", "10.1.99.1").requestLink(
      `proxied-21-${kind}@example.com`,
    );
    expect(new URL(location(refused) ?? "", ORIGIN).searchParams.get("limit")).toBe("ip");
    // Another client behind the same proxy has its own count.
    const neighbour = await viaProxy("203.0.113.81", "10.1.99.1").requestLink(
      `proxied-21-${kind}@example.com`,
    );
    expect(location(neighbour)).toMatch(/\/signin\/check-email\?/);
    for (let n = 1; n <= 21; n += 1) await smtp.takeMailTo(`proxied-${n}-${kind}@example.com`);
  });

  it("counts sub-addresses and Gmail's dotted spellings as the inbox they reach", async () => {
    const spellings = [
      `victim+1@gmail.com`,
      `victim+2@gmail.com`,
      `v.i.c.t.i.m@gmail.com`,
      `VICTIM+news@googlemail.com`,
      `vic.tim+x@gmail.com`,
      `victim+6@gmail.com`,
      `victim+7@gmail.com`,
    ];
    // All one inbox: the first five get a link, the rest are refused for the address.
    const landed: string[] = [];
    for (const [n, email] of spellings.entries()) {
      const response = await new Browser(`192.0.2.${100 + n}`).requestLink(email);
      const limited = new URL(location(response) ?? "", ORIGIN).searchParams.get("limit");
      if (limited === null) landed.push(email);
      else expect(limited).toBe("address");
    }
    expect(landed).toHaveLength(5);
    for (const email of landed) await smtp.takeMailTo(email.toLowerCase());
  });
});
