import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { openTestDb, useAsProcessDb } = await import("../../support/db");

// /api/auth/* as the app serves it (app/api/auth/[...nextauth]/route.ts, next-auth's handlers
// behind our request check), over a real reader database (tests/support/db.ts useAsProcessDb).
const ORIGIN = "http://localhost:3000";

type Handler = (request: NextRequest) => Promise<Response>;
let route: { GET: Handler; POST: Handler };
let unguarded: { GET: Handler; POST: Handler };
let close: () => Promise<void>;
let restoreDb: () => Promise<void>;

beforeAll(async () => {
  vi.stubEnv("AUTH_SECRET", "auth-route-test-secret-0123456789abcdef");
  const handle = await openTestDb("pglite");
  restoreDb = useAsProcessDb(handle);
  close = handle.close;
  route = await import("@/app/api/auth/[...nextauth]/route");
  ({ handlers: unguarded } = await import("@/lib/auth"));
});
afterAll(async () => {
  await restoreDb();
  await close();
});

const BAD_CALLBACKS = ["http://[", "https://exa mple.com", "javascript:alert(1)", "//", "%"];

const callback = (callbackUrl: string, cookie?: string) =>
  new NextRequest(
    `${ORIGIN}/api/auth/callback/nodemailer?${new URLSearchParams({
      callbackUrl,
      token: "0".repeat(64),
      email: "reader@example.com",
    })}`,
    { headers: cookie ? { cookie } : {} },
  );

describe("/api/auth with a callbackUrl Auth.js cannot read", () => {
  it("is a 500 from Auth.js itself, which is why the route checks first", async () => {
    expect((await unguarded.GET(callback("http://["))).status).toBe(500);
  });

  it("answers the magic-link callback as for any other link, never 500", async () => {
    for (const bad of BAD_CALLBACKS) {
      const response = await route.GET(callback(bad));
      expect(response.status, bad).toBeLessThan(500);
      // The made-up token is refused the usual way, on our own origin.
      expect(response.headers.get("location"), bad).toBe(`${ORIGIN}/signin?error=Verification`);
    }
  });

  it("ignores a callback-url cookie it cannot read", async () => {
    for (const bad of BAD_CALLBACKS) {
      for (const name of ["authjs.callback-url", "__Secure-authjs.callback-url"]) {
        const cookie = `theme=dark; ${name}=${encodeURIComponent(bad)}`;
        const response = await route.GET(callback("/watchlist", cookie));
        expect(response.status, `${name}=${bad}`).toBeLessThan(500);
      }
    }
    const broken = await route.GET(callback("/watchlist", "authjs.callback-url=%E0%A4%A"));
    expect(broken.status).toBeLessThan(500);
  });

  it("answers the sign-in and sign-out pages and the session endpoint, never 500", async () => {
    for (const path of ["signin", "signout", "session", "csrf", "providers", "error"]) {
      for (const bad of BAD_CALLBACKS) {
        const request = new NextRequest(
          `${ORIGIN}/api/auth/${path}?callbackUrl=${encodeURIComponent(bad)}`,
        );
        expect((await route.GET(request)).status, `${path} ${bad}`).toBeLessThan(500);
      }
    }
  });

  it("leaves a readable callbackUrl to Auth.js, which keeps readers on this site", async () => {
    const request = new NextRequest(`${ORIGIN}/api/auth/signin?callbackUrl=%2Fwatchlist`);
    expect((await route.GET(request)).status).toBeLessThan(500);
  });
});
