import type { Locator, Page } from "@playwright/test";

/** /account: who is signed in, and how we email them about their watchlist. */
export class AccountPage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto("/account");
  }

  get alertForm(): Locator {
    return this.page
      .locator("form")
      .filter({ has: this.page.getByRole("group", { name: /Email me/ }) });
  }

  /** Chooses how often (the radio's label) and saves. */
  async chooseAlerts(label: "Off" | "As soon as published" | "Daily digest") {
    await this.page.getByRole("radio", { name: new RegExp(`^${label}`) }).check();
    await this.page.getByRole("button", { name: "Save email settings" }).click();
  }

  get status(): Locator {
    return this.alertForm.getByRole("status");
  }
}
