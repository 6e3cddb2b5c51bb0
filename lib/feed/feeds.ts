import "server-only";
import { env } from "@/lib/env";
import { unstable_rethrow } from "next/navigation";
import { AppError, errorResponse } from "@/lib/errors";
import { topicSlug } from "@/lib/content/topics";
import {
  authorFeedPath,
  authorPath,
  feedPath,
  homePath,
  tickerFeedPath,
  tickerPath,
  topicFeedPath,
  topicPath,
} from "@/lib/routes";
import { getAuthorBySlug } from "@/lib/sanity/authors";
import {
  listAuthorFeedPosts,
  listFeedPosts,
  listTickerFeedPosts,
  listTopicFeedPosts,
} from "@/lib/sanity/feed";
import { getTickerBySymbol } from "@/lib/sanity/tickers";
import { getTopicBySlug } from "@/lib/sanity/topics";
import { absoluteUrl } from "@/lib/site/absolute-url";
import {
  authorFeedTitle,
  SITE_FEED_DESCRIPTION,
  SITE_FEED_TITLE,
  tickerFeedTitle,
  topicFeedTitle,
} from "./channels";
import { toRssItems, toTickerRssItems } from "./feed-items";
import { buildRssFeed, type RssItem } from "./rss";

// The site's feeds as XML, read through lib/sanity with the same reads (and cache tags) as the
// pages they are the feeds of. What a page shows as a 404 is an AppError("not_found") here:
// route handlers answer it through errorResponse.

interface Channel {
  title: string;
  description: string;
  pagePath: string;
  feedPath: string;
  items: readonly RssItem[];
}

const xmlOf = (channel: Channel) =>
  buildRssFeed({
    title: channel.title,
    description: channel.description,
    siteUrl: absoluteUrl(channel.pagePath),
    feedUrl: absoluteUrl(channel.feedPath),
    items: channel.items,
  });

/** /feed.xml: the newest posts. */
export async function buildSiteFeed(): Promise<string> {
  return xmlOf({
    title: SITE_FEED_TITLE,
    description: SITE_FEED_DESCRIPTION,
    pagePath: homePath,
    feedPath,
    items: toRssItems(await listFeedPosts(), env.SITE_URL),
  });
}

/** A ticker's feed, by its canonical symbol (lib/site/symbol-route.ts decides the segment). */
export async function buildTickerFeed(symbol: string): Promise<string> {
  const ticker = await getTickerBySymbol(symbol);
  if (!ticker) throw new AppError("not_found", `No ticker ${symbol}.`);
  return xmlOf({
    title: tickerFeedTitle(ticker.symbol),
    description: `Every Daily Insight on ${ticker.name} (${ticker.symbol}), newest first, each with why ${ticker.symbol} matters in it.`,
    pagePath: tickerPath(ticker.symbol),
    feedPath: tickerFeedPath(ticker.symbol),
    items: toTickerRssItems(await listTickerFeedPosts(ticker.id), ticker.symbol, env.SITE_URL),
  });
}

export async function buildTopicFeed(slug: string): Promise<string> {
  const topic = slug && topicSlug(slug) === slug ? await getTopicBySlug(slug) : null;
  if (!topic) throw new AppError("not_found", "No such topic.");
  return xmlOf({
    title: topicFeedTitle(topic.title),
    description: `Daily Insight posts that recommend “${topic.title}”, newest first.`,
    pagePath: topicPath(topic.slug),
    feedPath: topicFeedPath(topic.slug),
    items: toRssItems(await listTopicFeedPosts(topic.title), env.SITE_URL),
  });
}

export async function buildAuthorFeed(slug: string): Promise<string> {
  const author = await getAuthorBySlug(slug);
  if (!author) throw new AppError("not_found", "No such author.");
  return xmlOf({
    title: authorFeedTitle(author.name),
    description: `Daily Insight commentary by ${author.name}${author.role ? `, ${author.role}` : ""}, newest first.`,
    pagePath: authorPath(author.slug),
    feedPath: authorFeedPath(author.slug),
    items: toRssItems(await listAuthorFeedPosts(author.id), env.SITE_URL),
  });
}

function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}

/**
 * A feed route's answer: the feed `build` makes (or the response it gives instead, a redirect),
 * and an AppError as the site answers one (a 404 for a page that does not exist).
 */
export async function feedResponse(build: () => Promise<string | Response>): Promise<Response> {
  try {
    const made = await build();
    return typeof made === "string" ? rssResponse(made) : made;
  } catch (error) {
    // Next's own control flow (prerendering without the Content Lake) must pass through.
    unstable_rethrow(error);
    return errorResponse(error);
  }
}
