/* eslint-disable react-hooks/rules-of-hooks -- a fixture hands out its value by calling Playwright's
   `use`, which is no React hook */
import {
  test as base,
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from "@playwright/test";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp.ts";
import { e2e } from "./env.ts";
import { AccountPage } from "./pages/account-page.ts";
import { ArticlePage } from "./pages/article-page.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { prepareOfflineStudio, StudioPage } from "./pages/studio-page.ts";
import { TickerPage } from "./pages/ticker-page.ts";
import { WatchlistPage } from "./pages/watchlist-page.ts";
import { newAddress, signedInReader } from "./readers.ts";

// The one `test` every spec and the setup project import: page objects handed out as fixtures,
// the console watched, a real SMTP server in the worker, and readers signed in by email.

/** A reader in a browser context of their own, with the page objects of their pages. */
export interface Reader {
  email: string;
  context: BrowserContext;
  page: Page;
  signIn: SignInPage;
  tickerPage: TickerPage;
  watchlistPage: WatchlistPage;
  accountPage: AccountPage;
}

interface TestFixtures {
  consoleErrors: string[];
  /** Names a console error the test expects; any other fails the test. */
  expectConsoleError: (pattern: RegExp) => void;
  articlePage: ArticlePage;
  accountPage: AccountPage;
  signIn: SignInPage;
  tickerPage: TickerPage;
  watchlistPage: WatchlistPage;
  /** The real Studio at /studio on `page`, offline (prepareOfflineStudio). */
  studio: StudioPage;
  /**
   * Signs a new reader in by the emailed link, in a fresh context closed after the test: for a
   * test that signs out, or writes what the reader owns, or needs two readers of its own.
   */
  newReader: (name: string) => Promise<Reader>;
  /** The setup project's reader (readers.ts), in a context of its own. Read only. */
  signedInReader: Reader;
}

interface WorkerFixtures {
  /** The SMTP server the site sends magic links and alerts to (serve.ts points EMAIL_SERVER at it). */
  smtp: TestSmtpServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  smtp: [
    async ({}, use) => {
      const smtp = await startTestSmtpServer(e2e.smtpPort);
      await use(smtp);
      await smtp.close();
    },
    { scope: "worker" },
  ],

  // Every test fails on a browser console error or an uncaught page error of `page`, unless it
  // names the errors it expects with `expectConsoleError` (a 404 document logs one, by design).
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const onConsole = (message: ConsoleMessage) => {
        if (message.type() === "error")
          errors.push(`${message.text()} (${message.location().url || page.url()})`);
      };
      page.on("console", onConsole);
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
    },
    { auto: true },
  ],
  expectConsoleError: [
    async ({ consoleErrors }, use) => {
      const expected: RegExp[] = [];
      await use((pattern) => expected.push(pattern));
      const unexpected = consoleErrors.filter(
        (error) => !expected.some((pattern) => pattern.test(error)),
      );
      expect(unexpected, "console errors").toEqual([]);
    },
    { auto: true },
  ],

  articlePage: async ({ page }, use) => use(new ArticlePage(page)),
  accountPage: async ({ page }, use) => use(new AccountPage(page)),
  signIn: async ({ page, smtp }, use) => use(new SignInPage(page, smtp)),
  tickerPage: async ({ page }, use) => use(new TickerPage(page)),
  watchlistPage: async ({ page }, use) => use(new WatchlistPage(page)),
  studio: async ({ page, expectConsoleError }, use) => {
    await prepareOfflineStudio(page, expectConsoleError);
    await use(new StudioPage(page));
  },

  newReader: async ({ browser, smtp }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name) => {
      // Nobody signed in to start with, whatever storage state the spec uses.
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      contexts.push(context);
      const reader = readerIn(context, await context.newPage(), newAddress(name), smtp);
      await reader.signIn.signInByEmail(reader.email);
      return reader;
    });
    for (const context of contexts) await context.close();
  },
  signedInReader: async ({ browser, smtp }, use) => {
    const context = await browser.newContext({ storageState: signedInReader.storageState });
    await use(readerIn(context, await context.newPage(), signedInReader.email, smtp));
    await context.close();
  },
});

function readerIn(context: BrowserContext, page: Page, email: string, smtp: TestSmtpServer) {
  return {
    email,
    context,
    page,
    signIn: new SignInPage(page, smtp),
    tickerPage: new TickerPage(page),
    watchlistPage: new WatchlistPage(page),
    accountPage: new AccountPage(page),
  } satisfies Reader;
}

export { expect };
