import type { Locator, Page } from "@playwright/test";

/** /watchlist: the reader's named lists, each a region named by its list, and Your feed. */
export class WatchlistPage {
  constructor(readonly page: Page) {}

  goto() {
    return this.page.goto("/watchlist");
  }

  list(name = "My watchlist"): Locator {
    return this.page.getByRole("region", { name });
  }

  get feed(): Locator {
    return this.page.getByRole("region", { name: "Your feed" });
  }

  /** The symbols on a list, in the list's order. */
  symbols(list: Locator): Locator {
    return list.getByRole("listitem").getByRole("link");
  }

  async add(list: Locator, symbol: string) {
    await list.getByLabel("Add a ticker").fill(symbol);
    await list.getByRole("button", { name: "Add", exact: true }).click();
  }

  /** The message a list's form shows after an action, picked by what it mentions. */
  status(list: Locator, text: string): Locator {
    return list.getByRole("status").filter({ hasText: text });
  }

  exportLink(listName = "My watchlist"): Locator {
    return this.page.getByRole("link", { name: `Export CSV of ${listName}` });
  }

  noteField(symbol: string): Locator {
    return this.page.getByLabel(`Private note on ${symbol}`);
  }

  async createList(name: string) {
    await this.page.getByLabel("New list").fill(name);
    await this.page.getByRole("button", { name: "Create list" }).click();
  }

  /** Opens a list's "Rename or delete this list" disclosure. */
  async manage(list: Locator) {
    await list.getByText("Rename or delete this list").click();
  }
}
