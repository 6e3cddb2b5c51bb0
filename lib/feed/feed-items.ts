import { escapeHTML } from "@portabletext/to-html";
import type { TypedObject } from "@portabletext/types";
import { shownCorrections, type ShownCorrection } from "@/lib/content/corrections";
import { positionStatement } from "@/lib/content/disclosure";
import type { FeedPostsQueryResult, TickerFeedPostsQueryResult } from "@/lib/sanity/types";
import { absoluteUrlFor, postPath } from "@/lib/routes";
import { portableTextToHtml } from "./portable-text-html";
import type { RssItem } from "./rss";

// Feed rows as RSS items. Every feed's rows share one shape (feedPostFields in queries.ts). An
// item's content:encoded is the post's corrections (newest first, as the article shows them),
// then what this feed leads with (a ticker feed: the post's note on the ticker and the author's
// position), then the whole body; its description is that lead, then the summary.

type FeedRow = FeedPostsQueryResult[number];

/** What an item says before the post itself: text for its description, HTML for its content. */
export interface ItemLead {
  text: string;
  html: string;
}

// Corrections happen at a time of day, so the time is shown with the date, in UTC as on the site.
const correctionTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

export function correctionsHtml(corrections: readonly ShownCorrection[]): string {
  return corrections
    .map(
      (c) =>
        `<p><strong>${escapeHTML(c.title)}</strong> (<time datetime="${escapeHTML(c.at)}">` +
        `${correctionTime.format(new Date(c.at))} UTC</time>): ${escapeHTML(c.text)}</p>`,
    )
    .join("");
}

const sentence = (text: string) => (/[.!?…]["'”’)]*$/.test(text) ? text : `${text}.`);

/** A ticker feed's lead: why the ticker matters in this post, and the author's position in it. */
export function tickerLead(symbol: string, note: string | null, position: string | null): ItemLead {
  const why = note?.trim() ? { label: `Why ${symbol} matters here:`, note: note.trim() } : null;
  const statement = sentence(positionStatement(position, symbol));
  return {
    text: [why ? `${why.label} ${sentence(why.note)}` : null, statement].filter(Boolean).join(" "),
    html:
      (why ? `<p><strong>${escapeHTML(why.label)}</strong> ${escapeHTML(why.note)}</p>` : "") +
      `<p><em>${escapeHTML(statement)}</em></p>`,
  };
}

/** One feed row as an RSS item; a post without a slug has no URL and is left out. */
export function toRssItem(row: FeedRow, siteUrl: string, lead?: ItemLead): RssItem | undefined {
  if (!row.slug) return undefined;
  const summary = row.summary ?? "";
  return {
    title: row.title ?? "Untitled",
    url: absoluteUrlFor(postPath(row.slug), siteUrl),
    publishedAt: row.publishedAt,
    summary: lead ? [lead.text, summary].filter(Boolean).join(" ") : summary,
    html:
      correctionsHtml(shownCorrections(row.corrections)) +
      (lead?.html ?? "") +
      portableTextToHtml(row.body as TypedObject[] | null, siteUrl),
    author: row.author?.name ?? null,
    categories: (row.tickers ?? []).flatMap((ticker) => (ticker?.symbol ? [ticker.symbol] : [])),
  };
}

const present = (item: RssItem | undefined): item is RssItem => item !== undefined;

/** The rows of /feed.xml, a topic's or an author's feed. */
export function toRssItems(rows: readonly FeedRow[], siteUrl: string): RssItem[] {
  return rows.map((row) => toRssItem(row, siteUrl)).filter(present);
}

/** The rows of a ticker's feed (tickerFeedPostsQuery), each led by its note on `symbol`. */
export function toTickerRssItems(
  rows: TickerFeedPostsQueryResult,
  symbol: string,
  siteUrl: string,
): RssItem[] {
  return rows
    .map((row) => toRssItem(row, siteUrl, tickerLead(symbol, row.note, row.position)))
    .filter(present);
}
