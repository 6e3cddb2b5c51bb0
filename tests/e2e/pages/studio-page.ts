import { expect, type Locator, type Page, test } from "@playwright/test";
import { e2e } from "../env.ts";

/**
 * The Studio offline, as every Studio spec runs it (the `studio` fixture): Sanity-hosted
 * addresses it reaches for (fonts, the version check) are blocked, and what it logs by design
 * without them is expected (packages/lake/README.md, "What it serves"): the failed version check, the
 * presence websocket and history the lake answers with a 404, and the 4xx of endpoints the lake
 * leaves out (grants, schedules, help).
 */
export async function prepareOfflineStudio(
  page: Page,
  expectConsoleError: (pattern: RegExp) => void,
) {
  await blockHostedAddresses(page);
  expectConsoleError(/Failed to fetch version for package|WebSocket connection to .*\/socket\//);
  expectConsoleError(/Failed to load resource: net::ERR_FAILED/);
  expectConsoleError(/Not Found - No route for GET \/(projects|data\/history)\//);
  expectConsoleError(/status of 4\d\d \(\) \(https:\/\/local\.localhost:/);
}

/** Written under test-results/ (kept after the run) and attached to the report. */
export async function keepScreenshot(name: string, target: Page | Locator) {
  const path = test.info().outputPath(`${name.replaceAll(" ", "-")}.png`);
  await target.screenshot({ path });
  await test.info().attach(name, { path, contentType: "image/png" });
}

/** Aborts every request that leaves this machine (the Studio's Sanity-hosted addresses). */
export async function blockHostedAddresses(page: Page) {
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1|local\.localhost)/, (route) =>
    route.abort(),
  );
}

/**
 * The real Sanity Studio at /studio, as an editor uses it. Sanity's own test ids
 * (`field-<path>`, `action-publish`) where its DOM has no accessible name to go by.
 */
export class StudioPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the Studio logged in with the lake's token. Returns the first load by the browser's
   * clock, from the start of navigation to the Studio's content menu on screen, then opens the
   * post list.
   */
  async open(): Promise<{ firstLoadMs: number; postListMs: number }> {
    await this.page.goto(`/studio#token=${e2e.token}`);
    const postsLink = this.page.getByRole("link", { name: "Daily Insights" });
    await expect(postsLink).toBeVisible({ timeout: 30_000 });
    const firstLoadMs = await this.page.evaluate(() => Math.round(performance.now()));
    await postsLink.click();
    await expect(this.page.getByRole("link", { name: /The Great Rotation/ })).toBeVisible({
      timeout: 30_000,
    });
    const postListMs = await this.page.evaluate(() => Math.round(performance.now()));
    return { firstLoadMs, postListMs };
  }

  async createPost() {
    await this.page.getByTestId("action-intent-button").click();
    // The first document form loads its code on demand: slow on a busy machine.
    await expect(this.field("title")).toBeVisible({ timeout: 20_000 });
  }

  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  tab(name: "Content" | "Tickers" | "Details") {
    return this.page.getByRole("tab", { name });
  }

  /** The dialog an array item or a body block is edited in (the innermost open one). */
  get dialog(): Locator {
    return this.page.getByRole("dialog").last();
  }

  async closeDialog() {
    await this.dialog.getByRole("button", { name: "Close dialog" }).click();
  }

  /** Adds an item to the array field `name` and returns the dialog it opens in. */
  async addItem(name: string): Promise<Locator> {
    await this.field(name).getByRole("button", { name: "Add item" }).click();
    await expect(this.dialog).toBeVisible();
    return this.dialog;
  }

  /**
   * Opens the menu of the item in the array field `name` whose preview reads `text` (Remove,
   * Add item before, …). Its button has no accessible name; Sanity's test id marks it.
   */
  async openItemMenu(name: string, text: string) {
    const menuButton = this.page.getByTestId("array-item-menu-button");
    await this.field(name)
      .locator("div")
      .filter({ has: this.page.getByRole("button", { name: text }) })
      .filter({ has: menuButton })
      .last()
      .locator(menuButton)
      .click();
  }

  /** A text field inside `scope` by its title, as Sanity labels it. */
  input(scope: Locator, title: string): Locator {
    return scope.getByLabel(title, { exact: true });
  }

  /**
   * Picks the document whose preview matches `option` in a reference field within `scope`. By
   * Sanity UI's marker, not role=option: the rows of the document list are options too, and
   * the seed post's row names its tickers.
   */
  async chooseReference(scope: Locator | Page, search: string, option: RegExp) {
    await scope.getByPlaceholder("Type to search").fill(search);
    await this.page
      .locator("[data-ui=AutocompleteOption]")
      .filter({ hasText: option })
      .first()
      .click();
  }

  /** Runs a document action from the menu beside Publish. */
  async documentAction(name: string) {
    await this.page.getByRole("button", { name: "Open document actions" }).click();
    await this.page.getByRole("menuitem", { name }).click();
  }

  get publishButton(): Locator {
    return this.page.getByTestId("action-publish");
  }

  /** The row of a post in the Daily Insights list, by its title. */
  postListItem(title: string): Locator {
    return this.page.getByTestId("document-list-pane").getByRole("link").filter({ hasText: title });
  }

  /** Opens a post from the list (after open()) and waits for its form to show its title. */
  async openPost(title: string) {
    await this.postListItem(title).click();
    // The first document form loads its code on demand: slow on a busy machine.
    await expect(this.field("title").getByRole("textbox")).toHaveValue(title, {
      timeout: 30_000,
    });
  }

  /**
   * The status markers on a list row, in order: `draft` (the ring: unpublished changes) and
   * `published` (the dot). Sanity draws them as icons without an accessible name.
   */
  statusMarkers(row: Locator): Promise<string[]> {
    return row
      .locator("[data-status]")
      .evaluateAll((icons) => icons.map((icon) => icon.getAttribute("data-status") ?? ""));
  }

  /**
   * The tooltip a list row shows on hover, naming each version of the document (Draft,
   * Published) with its time. Sanity UI's tooltips have no role; the open one is the visible one.
   */
  async statusTooltip(row: Locator): Promise<Locator> {
    await row.hover();
    return this.page.locator("[data-ui=Tooltip]").filter({ visible: true });
  }

  /** The rightmost open document, e.g. one created from a reference field. */
  get lastDocumentPane(): Locator {
    return this.page.getByTestId("document-pane").last();
  }

  /** Closes a document pane opened beside another (its ✕ has no accessible name). */
  async closePane(pane: Locator) {
    await pane
      .getByRole("link")
      .or(pane.getByRole("button"))
      .filter({ has: this.page.locator("[data-sanity-icon=close]") })
      .click();
  }
}
