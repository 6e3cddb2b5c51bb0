import "server-only";
import { and, eq, inArray, isNull, lte, min, ne } from "drizzle-orm";
import { alertSettings, emailMessages, readerPostAlerts } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { lastOccurrence } from "./local-time";

// Each reader's digest: at their digest time in their zone, the posts that reached them before it
// (readers in digest mode, and instant readers past their daily limit) become one message,
// keyed "digest:<reader>:<local day>", so a reader gets at most one a day and none on a day with
// nothing new. A post that arrives after today's digest time waits for tomorrow's. `now` comes
// from the caller (every minute from the worker's tick), so tests move the clock.

export async function planDigests(db: Db, now: Date): Promise<number> {
  const waiting = await db
    .select({
      userId: readerPostAlerts.userId,
      timeZone: alertSettings.timeZone,
      digestMinute: alertSettings.digestMinute,
      oldest: min(readerPostAlerts.createdAt),
    })
    .from(readerPostAlerts)
    .innerJoin(alertSettings, eq(alertSettings.userId, readerPostAlerts.userId))
    .where(
      and(
        isNull(readerPostAlerts.messageKey),
        ne(alertSettings.mode, "off"),
        isNull(alertSettings.failingSince),
      ),
    )
    .groupBy(readerPostAlerts.userId, alertSettings.timeZone, alertSettings.digestMinute);

  let planned = 0;
  for (const reader of waiting) {
    const due = lastOccurrence(now, reader.digestMinute, reader.timeZone);
    if (!reader.oldest || reader.oldest > due.at) continue;
    const key = `digest:${reader.userId}:${due.day}`;
    const made = await db.transaction(async (tx) => {
      const posts = await tx
        .select({ postId: readerPostAlerts.postId })
        .from(readerPostAlerts)
        .where(
          and(
            eq(readerPostAlerts.userId, reader.userId),
            isNull(readerPostAlerts.messageKey),
            lte(readerPostAlerts.createdAt, due.at),
          ),
        )
        .orderBy(readerPostAlerts.createdAt, readerPostAlerts.postId)
        .for("update", { skipLocked: true });
      if (posts.length === 0) return false;
      const postIds = posts.map((post) => post.postId);
      const [message] = await tx
        .insert(emailMessages)
        .values({
          key,
          userId: reader.userId,
          kind: "digest",
          day: due.day,
          postIds,
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ key: emailMessages.key });
      // Today's digest was made already: these posts wait for tomorrow's.
      if (!message) return false;
      await tx
        .update(readerPostAlerts)
        .set({ messageKey: key })
        .where(
          and(
            eq(readerPostAlerts.userId, reader.userId),
            inArray(readerPostAlerts.postId, postIds),
          ),
        );
      return true;
    });
    if (made) planned++;
  }
  return planned;
}
