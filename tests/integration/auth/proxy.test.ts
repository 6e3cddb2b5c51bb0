import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { PREFETCH_HINT_HEADER } from "@/lib/http/prefetch-hint";
import { createReader } from "../../support/readers";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds, useAsProcessDb } = await import("../../support/db");
const { proxy } = await import("@/proxy");

// proxy.ts in front of the reader pages, over a real reader database (the test's own copy, as
// the process's one database: tests/support/db.ts useAsProcessDb).

const run = (path: string, cookie?: string) =>
  proxy(
    new NextRequest(new URL(path, "http://localhost:3000"), {
      headers: cookie ? { cookie } : {},
    }),
  );

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDbKinds)("proxy: reader pages on %s", (kind) => {
  let close: () => Promise<void>;
  let restoreDb: () => Promise<void>;
  let db: Db;
  const live = randomUUID();
  const expired = randomUUID();
  beforeAll(async () => {
    const handle = await openTestDb(kind);
    db = handle.db;
    restoreDb = useAsProcessDb(handle);
    close = handle.close;
    const userId = await createReader(db, "proxy");
    await db.insert(sessions).values([
      { sessionToken: live, userId, expires: new Date(Date.now() + 30 * DAY) },
      { sessionToken: expired, userId, expires: new Date(Date.now() - 1000) },
    ]);
  });
  afterAll(async () => {
    await restoreDb();
    await close();
  });

  it("sends a reader without a session cookie to /signin with a real 307, and back after", async () => {
    const response = await run("/account?tab=email");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/signin?callbackUrl=%2Faccount%3Ftab%3Demail",
    );
    expect((await run("/account", "authjs.csrf-token=abc")).status).toBe(307);
  });

  it("lets a live session through to the page, under either cookie name", async () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      for (const path of ["/account", "/watchlist"]) {
        const response = await run(path, `theme=dark; ${name}=${live}`);
        expect(response.headers.get("location"), `${name} ${path}`).toBeNull();
        expect(response.headers.get("x-middleware-next"), `${name} ${path}`).toBe("1");
      }
    }
  });

  it("redirects an expired, made-up or signed-out session for real, and clears the cookie", async () => {
    // Signing out deletes the row; the browser may still send the cookie.
    const signedOut = randomUUID();
    const [reader] = await db.select({ userId: sessions.userId }).from(sessions).limit(1);
    await db.insert(sessions).values({
      sessionToken: signedOut,
      userId: reader?.userId ?? "",
      expires: new Date(Date.now() + DAY),
    });
    await db.delete(sessions).where(eq(sessions.sessionToken, signedOut));
    for (const token of [expired, "forged-token", signedOut]) {
      for (const path of ["/account", "/watchlist"]) {
        const response = await run(path, `authjs.session-token=${token}`);
        expect(response.status, `${token} ${path}`).toBe(307);
        expect(response.headers.get("location")).toBe(
          `http://localhost:3000/signin?callbackUrl=${encodeURIComponent(path)}`,
        );
        expect(response.headers.get("set-cookie")).toMatch(/authjs\.session-token=;/);
      }
    }
  });

  it("answers a signed-out link prefetch with nothing, so the router never prefetches /signin", async () => {
    // As the site server passes a prefetch on: Next strips its own router headers before the
    // proxy runs (the e2e hardening spec sends a real one through the real server).
    const response = await proxy(
      new NextRequest(new URL("/watchlist", "http://localhost:3000"), {
        headers: { [PREFETCH_HINT_HEADER]: "1" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("location")).toBeNull();
  });
});
