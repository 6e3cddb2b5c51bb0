// Each feed's name, in one place: the feed's channel title and the title of the
// <link rel="alternate"> its page names it by are the same string.

export const SITE_FEED_TITLE = "Daily Insight";
export const SITE_FEED_DESCRIPTION =
  "Daily market commentary: what moved, why, and the tickers behind it.";

export const tickerFeedTitle = (symbol: string) => `Daily Insight: ${symbol}`;
export const topicFeedTitle = (title: string) => `Daily Insight: ${title}`;
export const authorFeedTitle = (name: string) => `Daily Insight: ${name}`;
