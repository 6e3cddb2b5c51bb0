import { rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { e2e, siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { seedPost, seedTicker } from "../support/seed-post.ts";
import { productionSiteEnv, siteServerArgs, startSiteProcess } from "./site-env.ts";
import { freePort } from "../support/ports.ts";

// The content lake going down while the site runs: a second `next start` of the suite's build
// whose lake address is a port nobody listens on. Cached pages keep being served; a page that
// has to be rendered gets the site's own error page instead of a bare text/plain 500.

const root = process.cwd();
const pgliteDir = path.resolve(root, `.data/e2e-pglite-lake-down-${e2e.sitePort}`);

/** serve.ts's environment, with the lake's address on a closed port. */
function envWithoutLake(sitePort: number, closedPort: number): NodeJS.ProcessEnv {
  const env = productionSiteEnv({
    sitePort,
    lakePort: closedPort,
    lakeDataDir: path.resolve(root, e2e.dataDir),
    token: e2e.token,
    webhookSecret: e2e.webhookSecret,
    studioApiHost: `https://localhost:${closedPort}`,
  });
  // The build's own SITE_URL, as in serve.ts: what Next prerendered (the /favicon.ico redirect)
  // names it, and the run-time CSP must allow it.
  env.SITE_URL = siteUrl;
  env.AUTH_SECRET = e2e.authSecret;
  // PGlite allows one process per folder, and the suite's server holds its own open.
  env.PGLITE_DATA_DIR = pgliteDir;
  delete env.DATABASE_URL;
  return env;
}

async function startSiteWithLakeDown() {
  const [sitePort, closedPort] = [await freePort(), await freePort()];
  rmSync(pgliteDir, { recursive: true, force: true });
  const removeData = () => rmSync(pgliteDir, { recursive: true, force: true });
  const server = await startSiteProcess(
    siteServerArgs(root),
    envWithoutLake(sitePort, closedPort),
    30_000,
  ).catch((error: unknown) => {
    removeData();
    throw error;
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      removeData();
    },
  };
}

let site: Awaited<ReturnType<typeof startSiteWithLakeDown>> | undefined;

test.beforeAll(async () => {
  site = await startSiteWithLakeDown();
});

test.afterAll(async () => {
  await site?.stop();
});

function lakeDownUrl(path: string): string {
  if (!site) throw new Error("the site without a lake did not start");
  return `${site.url}${path}`;
}

async function expectSiteErrorPage(page: Page, path: string) {
  const response = await page.goto(lakeDownUrl(path));
  expect([500, 503], path).toContain(response?.status());
  expect(response?.headers()["content-type"], path).toMatch(/^text\/html/);
  expect(response?.headers()["cache-control"], path).toContain("no-store");
  await expect(page.getByRole("link", { name: "Daily Insight" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
  await expect(
    page.getByText("This page could not be loaded just now. Please try again in a moment."),
  ).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Internal Server Error|Error:|\bat \S+ \(/);
}

test("prerendered pages are still served from the cache", async ({ page }) => {
  const article = await page.goto(lakeDownUrl(seedPost.path));
  expect(article?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedPost.title);

  const iwm = seedTicker("IWM");
  const ticker = await page.goto(lakeDownUrl("/tickers/IWM"));
  expect(ticker?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(iwm.name);
  await expect(page.getByRole("link", { name: seedPost.title })).toBeVisible();
});

test("a page that must be rendered is the site's error page, not a bare 500", async ({
  page,
  request,
  expectConsoleError,
}) => {
  // Chromium logs every 5xx document it loads as a console error.
  expectConsoleError(/status of 50[03]/);
  for (const path of ["/insights/no-such-post", "/tickers/ZZZZ"]) {
    await expectSiteErrorPage(page, path);
  }
  for (const path of ["/topics/nope", "/authors/nope", "/?page=3"]) {
    const response = await request.get(lakeDownUrl(path));
    expect([500, 503], path).toContain(response.status());
    expect(await response.text(), path).toContain("This page could not be loaded just now.");
  }
});
