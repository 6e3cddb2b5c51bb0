import { expect, test } from "./fixtures.ts";

// The alert settings form in a browser whose zone is Tokyo: until the reader first saves, the
// form proposes the browser's zone; once they have chosen (even "off"), it shows the zone they
// saved, so saving again keeps it. Watching a ticker offers email alerts only until then.

const BROWSER_ZONE = "Asia/Tokyo";
test.use({ timezoneId: BROWSER_ZONE });

test("the browser's zone is proposed before the first save, the saved zone after it", async ({
  page,
  signIn,
  tickerPage,
  accountPage,
}) => {
  const email = `alert-zone-${Date.now().toString(36)}@example.com`;
  await signIn.signInByEmail(email);
  const zone = page.getByRole("combobox", { name: "Time zone" });
  /** The form has hydrated: only the browser lists every zone (the server renders one). */
  const hydrated = () => expect(zone.locator('option[value="Pacific/Auckland"]')).toBeAttached();

  await test.step("watching a ticker before choosing offers email alerts", async () => {
    const watch = await tickerPage.watchButton("IWM");
    await watch.click();
    await expect(page.getByRole("link", { name: "Choose email alerts" })).toBeVisible();
  });

  await test.step("a reader who never chose is proposed the browser's zone", async () => {
    await accountPage.goto();
    await hydrated();
    await expect(zone).toHaveValue(BROWSER_ZONE);
  });

  await test.step("a zone saved with the digest stays after choosing off", async () => {
    await page.getByRole("radio", { name: /^Daily digest/ }).check();
    await zone.selectOption("Europe/London");
    await page.getByRole("button", { name: "Save email settings" }).click();
    await expect(accountPage.status).toHaveText(/\(Europe\/London\)/);
    // The form, reset by React once its action is done, still shows the zone just saved.
    await expect(zone).toHaveValue("Europe/London");
    await accountPage.chooseAlerts("Off");
    await expect(accountPage.status).toHaveText("Saved. No email alerts.");

    await page.reload();
    await hydrated();
    await expect(page.getByRole("radio", { name: /^Off/ })).toBeChecked();
    await expect(zone).toHaveValue("Europe/London");
    // Choosing the digest again keeps the saved zone rather than the browser's.
    await accountPage.chooseAlerts("Daily digest");
    await expect(accountPage.status).toHaveText(/\(Europe\/London\)/);
  });

  await test.step("once the reader has chosen, watching a ticker offers nothing", async () => {
    const watch = await tickerPage.watchButton("SPY");
    await watch.click();
    // Watched and no longer busy: the action's answer is rendered, offer or not.
    await expect(watch).toHaveAttribute("aria-pressed", "true");
    await expect(watch).toHaveAttribute("aria-busy", "false");
    await expect(page.getByRole("link", { name: "Choose email alerts" })).toHaveCount(0);
  });
});
