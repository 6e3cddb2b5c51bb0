import { expect, type Page } from "@playwright/test";

/** /tickers/[symbol], as a reader finds it. */
export class TickerPage {
  constructor(readonly page: Page) {}

  goto(symbol: string) {
    return this.page.goto(`/tickers/${symbol}`);
  }

  /**
   * Opens the ticker's page and returns the star beside its name (the stars on chips are named
   * "Watch IWM"), once the star knows whether the reader watches the ticker: it asks
   * /api/watchlist after the page loads, and its form then says "ready", or "anonymous" for a
   * signed-out reader. Until then it shows "not watched" to everyone.
   */
  async watchButton(symbol: string) {
    await this.goto(symbol);
    const name = /^(Watch|Watching)$/;
    const form = this.page
      .getByRole("main")
      .locator("form")
      .filter({ has: this.page.getByRole("button", { name }) });
    await expect(form).toHaveAttribute("data-status", /ready|anonymous/);
    return form.getByRole("button", { name });
  }
}
