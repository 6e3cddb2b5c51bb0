import { readFileSync } from "node:fs";
import { siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { newAddress } from "./readers.ts";
import { seedPost, seedTicker } from "../support/seed-post.ts";

// A reader's watchlist against the production build: watch IWM from its page, find it on
// /watchlist with the seed post in the feed, keep a private note across sign-out and sign-in,
// while another reader sees none of it.

const iwm = seedTicker("IWM");

test("a reader watches IWM, reads its feed, keeps a note, and a second reader sees none of it", async ({
  page,
  signIn,
  tickerPage,
  watchlistPage,
  signedInReader,
}) => {
  // A reader of its own: this one writes a list and signs out.
  const email = newAddress("watcher");
  await signIn.signInByEmail(email);
  const list = watchlistPage.list();
  const note = "Hedge against the rotation fading";

  await test.step("watch IWM from its page", async () => {
    const watch = await tickerPage.watchButton("IWM");
    await expect(watch).toHaveAttribute("aria-pressed", "false");
    await watch.click();
    await expect(watch).toHaveAttribute("aria-pressed", "true");
    await expect(watch).toHaveText(/Watching/);
    await page.reload();
    await expect(await tickerPage.watchButton("IWM")).toHaveAttribute("aria-pressed", "true");
  });

  await test.step("the article says why it matters to this reader", async () => {
    await page.goto(seedPost.path);
    const box = page.getByRole("complementary", { name: "Why this matters to your watchlist" });
    await expect(box).toBeVisible();
    await expect(box).toContainText(iwm.note);
  });

  await test.step("IWM on /watchlist, the seed post in Your feed", async () => {
    await watchlistPage.goto();
    await expect(list.getByRole("link", { name: "IWM", exact: true })).toBeVisible();
    await expect(watchlistPage.feed.getByRole("link", { name: seedPost.title })).toBeVisible();
    await expect(watchlistPage.feed).toContainText(iwm.note);
  });

  await test.step("an unknown symbol is refused with a message; nothing is added", async () => {
    await watchlistPage.add(list, "ZZZZ");
    await expect(watchlistPage.status(list, "ZZZZ")).toHaveText(/We don't cover “ZZZZ”/);
  });

  await test.step("a private note survives a reload", async () => {
    await list.getByLabel("Private note on IWM").fill(note);
    await list.getByRole("button", { name: "Save note" }).click();
    await expect(watchlistPage.status(list, "Note saved.")).toBeVisible();
    await page.reload();
    await expect(watchlistPage.noteField("IWM")).toHaveValue(note);
  });

  const exportUrl = await test.step("the CSV export carries the item and its note", async () => {
    const download = page.waitForEvent("download");
    await watchlistPage.exportLink().click();
    const csv = readFileSync(await (await download).path(), "utf8");
    expect(csv.split("\r\n")[0]).toBe("symbol,note,added_at");
    expect(csv).toContain(`IWM,${note},`);
    return watchlistPage.exportLink().getAttribute("href");
  });

  await test.step("sign out and in again: still there", async () => {
    await signIn.signOut();
    await signIn.signInByEmail(email);
    await watchlistPage.goto();
    await expect(watchlistPage.noteField("IWM")).toHaveValue(note);
  });

  // The setup project's reader, who never writes anything: no lists, an empty feed, IWM not
  // watched, and the first reader's export is a 404 for them.
  await test.step("another reader sees none of it", async () => {
    const other = signedInReader;
    await other.watchlistPage.goto();
    await expect(other.page.getByRole("heading", { name: "Start your watchlist" })).toBeVisible();
    await expect(other.watchlistPage.feed).not.toContainText(seedPost.title);
    await expect(other.page.getByText(note)).toHaveCount(0);
    await expect(await other.tickerPage.watchButton("IWM")).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    const stolen = await other.page.request.get(`${siteUrl}${exportUrl}`);
    expect(stolen.status()).toBe(404);
  });
});

test("a signed-out reader who stars a ticker is asked to sign in and comes back", async ({
  page,
  tickerPage,
}) => {
  const watch = await tickerPage.watchButton("SPY");
  await expect(watch).toHaveAttribute("aria-pressed", "false");
  await watch.click();
  await expect(page).toHaveURL(`${siteUrl}/signin?callbackUrl=%2Ftickers%2FSPY`);
});

test("a reader stars without JavaScript, then orders, renames and prunes their lists", async ({
  browser,
  context,
  page,
  signIn,
  watchlistPage,
}) => {
  // A reader of its own: this one starts with no lists and changes them.
  await signIn.signInByEmail(newAddress("gardener"));

  await test.step("without JavaScript the star is a plain form post in the same session", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      await noScript.addCookies(await context.cookies());
      const plain = await noScript.newPage();
      await plain.goto("/tickers/QQQ");
      await plain.getByRole("main").getByRole("button", { name: "Watch", exact: true }).click();
      await plain.waitForLoadState();
      await plain.goto("/watchlist");
      await expect(
        plain.getByRole("region", { name: "My watchlist" }).getByRole("link", { name: "QQQ" }),
      ).toBeVisible();
    } finally {
      await noScript.close();
    }
  });

  await watchlistPage.goto();
  const list = watchlistPage.list();
  const symbols = watchlistPage.symbols(list);

  await test.step("add a ticker, and the same one twice", async () => {
    await watchlistPage.add(list, "spy");
    await expect(symbols).toHaveText(["QQQ", "SPY"]);
    await watchlistPage.add(list, "QQQ");
    await expect(watchlistPage.status(list, "QQQ")).toHaveText("QQQ is already on this list.");
  });

  await test.step("move one up, remove another", async () => {
    await list.getByRole("button", { name: "Move up SPY" }).click();
    await expect(symbols).toHaveText(["SPY", "QQQ"]);
    await list.getByRole("button", { name: "Remove QQQ" }).click();
    await expect(symbols).toHaveText(["SPY"]);
  });

  await test.step("rename the list", async () => {
    await watchlistPage.manage(list);
    await list.getByLabel("New name").fill("Index funds");
    await list.getByRole("button", { name: "Rename", exact: true }).click();
    const renamed = watchlistPage.list("Index funds");
    await expect(watchlistPage.symbols(renamed)).toHaveText(["SPY"]);
  });

  await test.step("create a second list and delete it", async () => {
    await watchlistPage.createList("Mega caps");
    const second = watchlistPage.list("Mega caps");
    await expect(second).toBeVisible();
    await watchlistPage.manage(second);
    await second.getByRole("button", { name: "Delete “Mega caps” and its 0 tickers" }).click();
    await expect(second).toHaveCount(0);
    await page.reload();
    await expect(watchlistPage.list("Index funds")).toBeVisible();
    await expect(watchlistPage.list("Mega caps")).toHaveCount(0);
  });
});
