import { readdir, readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { topicSlug } from "../../lib/content/topics.ts";
import { topicPath } from "../../lib/routes.ts";
import { rawRequest, setCookies } from "../support/raw-http.ts";
import { e2e, siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { newAddress, signedInReader } from "./readers.ts";
import { seedPost } from "../support/seed-post.ts";

// What an attacker found against the production build, each kept fixed here against the real
// server (scripts/site-server.ts around Next, as `npm start` runs it).

const port = e2e.sitePort;

test.describe(() => {
  // Any reader will do, and nothing here changes what they own.
  test.use({ storageState: signedInReader.storageState });

  test("a signed-in reader's Continue link never leaves the site", async ({
    page,
    expectConsoleError,
  }) => {
    // Two of them are paths on this site that do not exist: their 404 is logged.
    expectConsoleError(/404 \(Not Found\) \(http:\/\/localhost:\d+\/%(2F%2F|09\/)evil\.example/);
    for (const callbackUrl of [
      "/.//evil.example",
      "//evil.example",
      "/\\evil.example",
      "/%2F%2Fevil.example",
      "/%09/evil.example",
      "https://evil.example/",
      "javascript:alert(document.domain)",
    ]) {
      await test.step(callbackUrl, async () => {
        await page.goto(`/signin?${new URLSearchParams({ callbackUrl })}`);
        const link = page.getByRole("link", { name: "Continue" });
        await expect(link, "signed in: /signin offers to continue").toBeVisible();
        const target = new URL((await link.getAttribute("href")) ?? "", siteUrl);
        expect(target.origin, callbackUrl).toBe(siteUrl);
        await link.click();
        await expect(page, callbackUrl).toHaveURL(target.href);
      });
    }
  });
});

test("a forged or stale session cookie gets a real redirect to sign in, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await context.addCookies([
      { name: "authjs.session-token", value: "forged-session-token", url: siteUrl },
    ]);
    for (const path of ["/watchlist", "/account"]) {
      const response = await context.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(new URL(response.headers().location ?? "", siteUrl).href, path).toBe(
        `${siteUrl}/signin?callbackUrl=${encodeURIComponent(path)}`,
      );
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.getByLabel("Email address")).toBeVisible();
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test("a signed-out reader's link prefetch of a reader page gets nothing, its visit a redirect", async () => {
  // Next's router prefetches /watchlist from any page's nav. Redirected, the router would
  // prefetch /signin in its place, which answers a segment prefetch with a 404 (a console error
  // on every page). Next hides its prefetch header from proxy.ts; the site server passes it on.
  const port = e2e.sitePort;
  const prefetch = { rsc: "1", "next-router-prefetch": "1" };
  for (const headers of [prefetch, { ...prefetch, "next-router-segment-prefetch": "/_tree" }]) {
    const response = await rawRequest({ port, path: "/watchlist?_rsc=abc", headers });
    expect(response.status, JSON.stringify(headers)).toBe(204);
  }
  const visit = await rawRequest({ port, path: "/watchlist", headers: { rsc: "1" } });
  expect(visit.status).toBe(307);
  expect(new URL(String(visit.headers.location), siteUrl).href).toBe(
    `${siteUrl}/signin?callbackUrl=%2Fwatchlist`,
  );
});

test("a client that writes its own X-Forwarded-For is still counted where it connects from", async ({
  smtp,
}) => {
  // A client of its own on 127.0.0.77, so the suite's other sign-ins keep their own count.
  const localAddress = "127.0.0.77";
  const csrf = await rawRequest({ port, path: "/api/auth/csrf", localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = [...setCookies(csrf)].map(([name, value]) => `${name}=${value}`).join("; ");
  const outcomes: string[] = [];
  const addresses = Array.from({ length: 21 }, (_, n) => `flood-${n + 1}-${newAddress("x")}`);
  for (const [index, email] of addresses.entries()) {
    const n = index + 1;
    const response = await rawRequest({
      port,
      method: "POST",
      path: "/api/auth/signin/nodemailer",
      localAddress,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        // A different made-up client every time, as the attack did.
        "x-forwarded-for": `10.9.${n}.1`,
        "x-real-ip": `10.8.${n}.1`,
      },
      body: new URLSearchParams({
        email,
        csrfToken,
        callbackUrl: "/",
      }).toString(),
    });
    // Auth.js answers with where the reader goes next: the check-your-email page, or /signin
    // with the limit that refused the link.
    const location = new URL(String(response.headers.location ?? ""), siteUrl);
    outcomes.push(
      location.searchParams.get("limit") ?? (location.pathname === "/signin" ? "refused" : "sent"),
    );
  }
  expect(outcomes).toEqual([...Array<string>(20).fill("sent"), "ip"]);
  // The links really went out, to the addresses asked for, and the refused one did not: the
  // site sends a link before it answers (lib/auth/mailer.ts), so none can arrive later.
  for (const email of addresses.slice(0, 20)) await smtp.takeMailTo(email);
  const refused = addresses[20] ?? "";
  expect(smtp.received.filter(({ envelopeTo }) => envelopeTo.includes(refused))).toEqual([]);
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", seedPost.path, "/tickers/IWM", "/signin", "/studio", "/feed.xml"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"])
      expect(csp, `${path}: ${directive}`).toContain(directive);
    expect(csp, path).toMatch(/form-action 'self'/);
    // SITE_URL is http here: no HSTS, which would pin the browser to https on localhost.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
});

test("absolute URLs come from SITE_URL, whatever Host the request names", async () => {
  const asked = { host: `evil.example:${port}` };
  const home = await rawRequest({ port, path: "/", headers: asked });
  const images = [
    ...home.body.matchAll(/<meta (?:property|name)="(?:og|twitter):image" content="([^"]+)"/g),
  ];
  expect(images.length).toBe(2);
  for (const [, url] of images) expect(url?.startsWith(`${siteUrl}/`), url).toBe(true);
  const topic = topicPath(topicSlug(seedPost.recommendedTopics[0]?.title ?? ""));
  for (const path of ["/tickers", "/search", topic]) {
    const page = await rawRequest({ port, path });
    const image = /<meta property="og:image" content="([^"]+)"/.exec(page.body)?.[1] ?? "";
    expect(image, path).toBe(`${siteUrl}/opengraph-image`);
  }
  const exitDraft = await rawRequest({
    port,
    path: "/api/draft-mode/disable?redirect=/tickers",
    headers: asked,
  });
  expect(exitDraft.headers.location).toBe(`${siteUrl}/tickers`);
  const exportSignedOut = await rawRequest({
    port,
    path: "/watchlist/export?list=x",
    headers: asked,
  });
  expect(exportSignedOut.headers.location).toBe(`${siteUrl}/signin?callbackUrl=%2Fwatchlist`);
  const favicon = await rawRequest({ port, path: "/favicon.ico", headers: asked });
  expect(favicon.headers.location).toBe(`${siteUrl}/icon.svg`);
});

test("a card asked with OPTIONS answers 405, and the card still answers after it", async ({
  request,
}) => {
  // Next's own OPTIONS for a card of an unknown ticker never answered, and every later request
  // for that card waited on it (found by the fuzz test).
  for (const path of ["/tickers/NOPE/opengraph-image", "/insights/nope/twitter-image"]) {
    const options = await request.fetch(path, { method: "OPTIONS", timeout: 10_000 });
    expect(options.status(), path).toBe(405);
    expect(options.headers()["allow"], path).toBe("GET, HEAD");
    expect((await request.get(path, { timeout: 10_000 })).status(), path).toBe(404);
  }
  expect((await request.get("/tickers/IWM/opengraph-image")).status()).toBe(200);
});

test("a huge webhook body is refused before it is read", async () => {
  // It claims 256 MB and sends 16 KB: the answer must come without waiting for the rest.
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/revalidate",
        headers: {
          "content-type": "application/json",
          "content-length": String(256 * 1024 * 1024),
        },
        timeout: 10_000,
      },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer: the server waited for the body")));
    req.on("error", (error) => {
      if (!("code" in error) || error.code !== "ECONNRESET") reject(error);
    });
    req.write(Buffer.alloc(16 * 1024, "x"));
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toMatch(/larger than 65536 bytes/);
});

test("the build keeps none of the secrets it was run with", async () => {
  // serve.ts built the site with this run's random lake token, webhook secret and auth secret
  // in its environment; Turbopack keeps whatever environment it is given in .next/cache.
  const secrets = [e2e.token, e2e.webhookSecret, e2e.authSecret].map((secret) =>
    Buffer.from(secret),
  );
  expect(secrets.every((secret) => secret.length >= 32)).toBe(true);
  const found: string[] = [];
  let files = 0;
  for (const entry of await readdir(".next", { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file);
    for (const secret of secrets) if (bytes.includes(secret)) found.push(file);
  }
  expect(files).toBeGreaterThan(100);
  expect(found).toEqual([]);
});
