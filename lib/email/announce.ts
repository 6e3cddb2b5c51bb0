import "server-only";
import { and, between, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import {
  alertSettings,
  emailMessages,
  postAnnouncements,
  readerPostAlerts,
  watchlistItems,
  watchlists,
} from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { absoluteUrlFor, postPath } from "@/lib/routes";
import type { AlertPostQueryResult } from "@/lib/sanity/types";
import type { AlertPost } from "./alert-content";
import { localTime } from "./local-time";
import { INSTANT_ALERTS_PER_DAY } from "./settings";

// A post going live is announced once: one row in post_announcements, written in the same
// transaction as one row per reader watching any of its tickers (reader_post_alerts) and, for
// readers with instant alerts under their daily limit, one message each in the outbox. The
// delivery worker (deliver.ts) sends the messages; the digest planner (digests.ts) gathers the
// rest into each reader's next digest.

/** A post is announced only within this long after its time: an edit to an older post (or the
 * seed post, the first time the site starts) mails nobody. */
export const ANNOUNCE_WINDOW_MS = 24 * 60 * 60_000;

/** The post as its emails show it, or null when readers cannot see it (yet) or it is too old. */
export function announceablePost(
  result: AlertPostQueryResult,
  siteUrl: string,
  now: Date,
): AlertPost | null {
  if (!result?.slug || !result.title || !result.publishedAt) return null;
  const age = now.getTime() - Date.parse(result.publishedAt);
  if (!(age >= 0 && age <= ANNOUNCE_WINDOW_MS)) return null;
  return {
    id: result._id,
    title: result.title,
    summary: result.summary,
    url: absoluteUrlFor(postPath(result.slug), siteUrl),
    publishedAt: result.publishedAt,
    authorName: result.authorName,
    tickers: (result.tickers ?? []).flatMap((mention) =>
      mention.symbol
        ? [{ symbol: mention.symbol, note: mention.note, position: mention.position }]
        : [],
    ),
  };
}

export interface Announcement {
  readers: number;
  instant: number;
  digest: number;
}

const INSERT_CHUNK = 500;

/** The transaction-level advisory lock announcements take (any number, the same everywhere). */
const ANNOUNCE_LOCK = 0x616c657274; // "alert"

/** Announces `post` to its readers, or returns null when it was announced before. */
export async function announcePost(
  db: Db,
  post: AlertPost,
  now: Date,
): Promise<Announcement | null> {
  const symbols = [...new Set(post.tickers.map((ticker) => ticker.symbol))];
  return db.transaction(async (tx) => {
    // One announcement at a time across all instances: each counts a reader's alerts today
    // before adding one, and two at once (the announce queue runs one job per post at a time, so
    // instances run different posts' jobs together) would both see room for the day's last.
    // Held until commit; posts come a few a day, so the wait costs nothing.
    await tx.execute(sql`select pg_advisory_xact_lock(${ANNOUNCE_LOCK})`);
    const [created] = await tx
      .insert(postAnnouncements)
      .values({ postId: post.id, content: post, announcedAt: now })
      .onConflictDoNothing()
      .returning({ postId: postAnnouncements.postId });
    if (!created) return null;
    if (symbols.length === 0) return { readers: 0, instant: 0, digest: 0 };

    const readers = await tx
      .select({
        userId: alertSettings.userId,
        mode: alertSettings.mode,
        timeZone: alertSettings.timeZone,
        symbols: sql<string[]>`array_agg(distinct ${watchlistItems.symbol})`,
      })
      .from(alertSettings)
      .innerJoin(watchlists, eq(watchlists.userId, alertSettings.userId))
      .innerJoin(watchlistItems, eq(watchlistItems.watchlistId, watchlists.id))
      .where(
        and(
          ne(alertSettings.mode, "off"),
          isNull(alertSettings.failingSince),
          inArray(watchlistItems.symbol, symbols),
        ),
      )
      .groupBy(alertSettings.userId);

    // Today's instant alerts per reader: "today" in the reader's zone is within a day of UTC's.
    const utcDay = (offsetDays: number) =>
      new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const sentToday = new Map<string, number>();
    const counted = await tx
      .select({ userId: emailMessages.userId, day: emailMessages.day, n: count() })
      .from(emailMessages)
      .where(
        and(eq(emailMessages.kind, "alert"), between(emailMessages.day, utcDay(-1), utcDay(1))),
      )
      .groupBy(emailMessages.userId, emailMessages.day);
    for (const row of counted) sentToday.set(`${row.userId} ${row.day}`, row.n);

    const alerts: (typeof readerPostAlerts.$inferInsert)[] = [];
    const messages: (typeof emailMessages.$inferInsert)[] = [];
    for (const reader of readers) {
      const { day } = localTime(now, reader.timeZone);
      const instant =
        reader.mode === "instant" &&
        (sentToday.get(`${reader.userId} ${day}`) ?? 0) < INSTANT_ALERTS_PER_DAY;
      const key = instant ? `alert:${reader.userId}:${post.id}` : null;
      const watched = new Set(reader.symbols);
      alerts.push({
        userId: reader.userId,
        postId: post.id,
        // In the post's order, as the email lists them.
        symbols: symbols.filter((symbol) => watched.has(symbol)),
        via: instant ? "instant" : "digest",
        messageKey: key,
        createdAt: now,
      });
      if (key) {
        messages.push({
          key,
          userId: reader.userId,
          kind: "alert",
          day,
          postIds: [post.id],
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    }
    for (let start = 0; start < alerts.length; start += INSERT_CHUNK)
      await tx.insert(readerPostAlerts).values(alerts.slice(start, start + INSERT_CHUNK));
    for (let start = 0; start < messages.length; start += INSERT_CHUNK)
      await tx.insert(emailMessages).values(messages.slice(start, start + INSERT_CHUNK));
    return {
      readers: alerts.length,
      instant: messages.length,
      digest: alerts.length - messages.length,
    };
  });
}
