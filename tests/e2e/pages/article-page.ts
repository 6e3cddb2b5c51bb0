import type { Locator, Page } from "@playwright/test";
import { stegaClean } from "@sanity/client/stega";

/**
 * An element's text as a reader sees it. In draft mode the article's text also carries Sanity's
 * stega edit info (invisible characters read by the Presentation tool's overlays).
 */
export async function visibleText(locator: Locator): Promise<string> {
  return stegaClean(((await locator.textContent()) ?? "").trim());
}

/** The regions of /insights/[slug], found the way a reader's assistive technology finds them. */
export class ArticlePage {
  constructor(readonly page: Page) {}

  goto(path: string) {
    return this.page.goto(path);
  }

  get article() {
    return this.page
      .getByRole("main")
      .getByRole("article")
      .filter({ has: this.page.getByRole("heading", { level: 1 }) });
  }

  get title() {
    return this.article.getByRole("heading", { level: 1 });
  }

  get tickerStrip() {
    return this.page.getByRole("region", { name: "Tickers in this insight" });
  }

  tickerItem(symbol: string) {
    return this.tickerStrip
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("link", { name: symbol, exact: true }) });
  }

  get keyPoints() {
    return this.page.getByRole("region", { name: "Key points" });
  }

  get recommendedTopics() {
    return this.page.getByRole("region", { name: "Recommended topics for further exploration" });
  }

  chart(title: RegExp) {
    return this.article.getByRole("figure").filter({ hasText: title });
  }
}
