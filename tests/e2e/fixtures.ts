import { test as base, expect, type ConsoleMessage } from "@playwright/test";
import { readSeedDocuments } from "../../scripts/seed.ts";

// What the reading specs check against: the seed post as written in sanity/seed/, so a change to
// the seed shows up here instead of in a copy of it.

interface SeedPost {
  _id: string;
  title: string;
  slug: { current: string };
  tickers: Array<{ _key: string; note: string; ticker: { _ref: string } }>;
  keyPoints: Array<{ label: string; text: string }>;
  recommendedTopics: Array<{ title: string; description: string }>;
}

interface SeedTicker {
  _id: string;
  symbol: string;
  name: string;
}

const documents = readSeedDocuments();
const post = documents.find((doc) => doc._type === "post") as unknown as SeedPost;
const tickersById = new Map(
  documents
    .filter((doc) => doc._type === "ticker")
    .map((doc) => [doc._id, doc as unknown as SeedTicker]),
);

export const seedPost = {
  id: post._id,
  title: post.title,
  slug: post.slug.current,
  path: `/insights/${post.slug.current}`,
  keyPoints: post.keyPoints,
  recommendedTopics: post.recommendedTopics,
  tickers: post.tickers.map(({ _key, note, ticker }) => {
    const doc = tickersById.get(ticker._ref);
    if (!doc) throw new Error(`seed post links a ticker that is not seeded: ${ticker._ref}`);
    return { key: _key, id: doc._id, symbol: doc.symbol, name: doc.name, note };
  }),
};

/**
 * Every test fails on a browser console error or an uncaught page error, unless it names the
 * errors it expects with `expectConsoleError` (a 404 document logs one, by design).
 */
export const test = base.extend<{
  expectConsoleError: (pattern: RegExp) => void;
  consoleErrors: string[];
}>({
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
});

export { expect };
