import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { siteUrl } from "./env.ts";
import { seedPost } from "./fixtures.ts";
import { expect, newAddress, SignInPage, test } from "./reader.ts";

// A reader's watchlist against the production build: watch IWM from its page, find it on
// /watchlist with the seed post in the feed, keep a private note across sign-out and sign-in,
// while a second reader sees none of it.

const iwm = seedPost.tickers.find((ticker) => ticker.symbol === "IWM");
if (!iwm) throw new Error("the seed post links IWM");

/** The star on a ticker page, once it knows whether the reader watches the ticker. */
async function watchButton(page: Page, symbol: string) {
  await page.goto(`/tickers/${symbol}`);
  const header = page.locator(".ticker-header");
  // The star asks /api/watchlist once the page has loaded; "ready" or "anonymous" once it knows.
  await expect(header.locator("form.watch-toggle")).toHaveAttribute(
    "data-status",
    /ready|anonymous/,
  );
  return header.getByRole("button", { name: /^(Watch|Watching)$/ });
}

test("a reader watches IWM, reads its feed, keeps a note, and a second reader sees none of it", async ({
  browser,
  page,
  smtp,
}) => {
  const email = newAddress("watcher");
  const signIn = new SignInPage(page);
  await signIn.signInByEmail(smtp, email);

  const watch = await watchButton(page, "IWM");
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await watch.click();
  await expect(watch).toHaveAttribute("aria-pressed", "true");
  await expect(watch).toHaveText(/Watching/);
  await page.reload();
  await expect(await watchButton(page, "IWM")).toHaveAttribute("aria-pressed", "true");

  // The article says why it matters to this reader.
  await page.goto(seedPost.path);
  const box = page.getByRole("complementary", { name: "Why this matters to your watchlist" });
  await expect(box).toBeVisible();
  await expect(box).toContainText(iwm.note);

  await page.goto("/watchlist");
  const list = page.getByRole("region", { name: "My watchlist" });
  await expect(list.getByRole("link", { name: "IWM", exact: true })).toBeVisible();
  const feed = page.getByRole("region", { name: "Your feed" });
  await expect(feed.getByRole("link", { name: seedPost.title })).toBeVisible();
  await expect(feed).toContainText(iwm.note);

  // An unknown symbol is refused with a message; nothing is added.
  await list.getByLabel("Add a ticker").fill("ZZZZ");
  await list.getByRole("button", { name: "Add", exact: true }).click();
  await expect(list.getByRole("status").filter({ hasText: "ZZZZ" })).toHaveText(
    /We don't cover “ZZZZ”/,
  );

  const note = "Hedge against the rotation fading";
  await list.getByLabel("Private note on IWM").fill(note);
  await list.getByRole("button", { name: "Save note" }).click();
  await expect(list.getByRole("status").filter({ hasText: "Note saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Private note on IWM")).toHaveValue(note);

  // The CSV export carries the item and its note.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV of My watchlist" }).click();
  const csvPath = await (await download).path();
  const csv = readFileSync(csvPath, "utf8");
  expect(csv.split("\r\n")[0]).toBe("symbol,note,added_at");
  expect(csv).toContain(`IWM,${note},`);
  const exportUrl = await page
    .getByRole("link", { name: "Export CSV of My watchlist" })
    .getAttribute("href");

  // Sign out and in again: still there.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await signIn.signInByEmail(smtp, email);
  await page.goto("/watchlist");
  await expect(page.getByLabel("Private note on IWM")).toHaveValue(note);

  // A second reader: no lists, an empty feed, IWM not watched, and the first reader's export
  // is a 404 for them.
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await new SignInPage(otherPage).signInByEmail(smtp, newAddress("other"));
    await otherPage.goto("/watchlist");
    await expect(otherPage.getByRole("heading", { name: "Start your watchlist" })).toBeVisible();
    await expect(otherPage.getByRole("region", { name: "Your feed" })).not.toContainText(
      seedPost.title,
    );
    await expect(otherPage.getByText(note)).toHaveCount(0);
    await expect(await watchButton(otherPage, "IWM")).toHaveAttribute("aria-pressed", "false");
    const stolen = await otherPage.request.get(`${siteUrl}${exportUrl}`);
    expect(stolen.status()).toBe(404);
  } finally {
    await other.close();
  }
});

test("a signed-out reader who stars a ticker is asked to sign in and comes back", async ({
  page,
}) => {
  const watch = await watchButton(page, "SPY");
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await watch.click();
  await expect(page).toHaveURL(`${siteUrl}/signin?callbackUrl=%2Ftickers%2FSPY`);
});

test("a reader stars without JavaScript, then orders, renames and prunes their lists", async ({
  browser,
  context,
  page,
  smtp,
}) => {
  await new SignInPage(page).signInByEmail(smtp, newAddress("gardener"));

  // Without JavaScript the star is a plain form post in the same session.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    await noScript.addCookies(await context.cookies());
    const plain = await noScript.newPage();
    await plain.goto("/tickers/QQQ");
    await plain.locator(".ticker-header").getByRole("button", { name: "Watch" }).click();
    await plain.waitForLoadState();
    await plain.goto("/watchlist");
    await expect(
      plain.getByRole("region", { name: "My watchlist" }).getByRole("link", { name: "QQQ" }),
    ).toBeVisible();
  } finally {
    await noScript.close();
  }

  await page.goto("/watchlist");
  const list = page.getByRole("region", { name: "My watchlist" });
  const symbols = list.locator(".watchlist-item__head .ticker-chip");
  await list.getByLabel("Add a ticker").fill("spy");
  await list.getByRole("button", { name: "Add", exact: true }).click();
  await expect(symbols).toHaveText(["QQQ", "SPY"]);
  await list.getByLabel("Add a ticker").fill("QQQ");
  await list.getByRole("button", { name: "Add", exact: true }).click();
  await expect(list.getByRole("status").filter({ hasText: "QQQ" })).toHaveText(
    "QQQ is already on this list.",
  );

  await list.getByRole("button", { name: "Move up SPY" }).click();
  await expect(symbols).toHaveText(["SPY", "QQQ"]);
  await list.getByRole("button", { name: "Remove QQQ" }).click();
  await expect(symbols).toHaveText(["SPY"]);

  await list.getByText("Rename or delete this list").click();
  await list.getByLabel("New name").fill("Index funds");
  await list.getByRole("button", { name: "Rename", exact: true }).click();
  const renamed = page.getByRole("region", { name: "Index funds" });
  await expect(renamed.locator(".watchlist-item__head .ticker-chip")).toHaveText(["SPY"]);

  await page.getByLabel("New list").fill("Mega caps");
  await page.getByRole("button", { name: "Create list" }).click();
  const second = page.getByRole("region", { name: "Mega caps" });
  await expect(second).toBeVisible();
  await second.getByText("Rename or delete this list").click();
  await second.getByRole("button", { name: "Delete “Mega caps” and its 0 tickers" }).click();
  await expect(second).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "Index funds" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mega caps" })).toHaveCount(0);
});
