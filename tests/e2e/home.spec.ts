import { expect, test } from "./fixtures.ts";

test("the home page lists the seed post with its tickers", async ({ page }) => {
  await page.goto("/");
  const post = page.getByRole("link", {
    name: /The Great Rotation: Russell 2000’s Historic Streak/,
  });
  await expect(post.first()).toBeVisible();
  for (const symbol of ["IWM", "AAPL", "NVDA", "SPY", "QQQ"]) {
    await expect(page.getByRole("link", { name: symbol, exact: true }).first()).toBeVisible();
  }
});
