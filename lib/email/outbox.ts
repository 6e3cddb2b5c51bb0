import "server-only";
import { and, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { alertSettings, emailMessages, type EmailMessage } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

// The outbox's life cycle (drizzle/schema.ts email_messages): pending → sending (claimed, with
// a lease) → sent | pending again (retry, with backoff) | failed | skipped. A claim uses
// FOR UPDATE SKIP LOCKED, so workers on every instance share the outbox without sending a
// message twice; a lease that runs out (its worker died mid-send) makes the message claimable
// again. What can still repeat is a message the SMTP server accepted in the moment before its
// worker died, before "sent" was committed (measured by `npm run bench -- email`).

/** How long a claimed message is a worker's own by default (EMAIL_LEASE_SECONDS): longer than an
 * SMTP send may take (the mailer's socket timeout is a minute). */
export const LEASE_MS = 2 * 60_000;
/** A temporary failure (4xx, a connection refused) is retried this many times in all. */
export const MAX_ATTEMPTS = 6;
/** A permanent refusal (5xx: no such mailbox) is retried this many times in all, in case the
 * relay was wrong; then the reader's alerts stop (alert_settings.failing_since). */
export const MAX_PERMANENT_ATTEMPTS = 3;

/** 30 s, 2 min, 8 min, 32 min, then hourly. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 4 ** Math.max(0, attempts - 1));
}

export async function claimMessages(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number = LEASE_MS,
): Promise<EmailMessage[]> {
  const claimable = db
    .select({ key: emailMessages.key })
    .from(emailMessages)
    .where(
      and(
        inArray(emailMessages.status, ["pending", "sending"]),
        lte(emailMessages.nextAttemptAt, now),
        or(eq(emailMessages.status, "pending"), lt(emailMessages.leaseUntil, now)),
      ),
    )
    .orderBy(emailMessages.nextAttemptAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(emailMessages)
    .set({
      status: "sending",
      leaseUntil: new Date(now.getTime() + leaseMs),
      attempts: sql`${emailMessages.attempts} + 1`,
    })
    .where(inArray(emailMessages.key, claimable))
    .returning();
}

const mine = (key: string) => and(eq(emailMessages.key, key), eq(emailMessages.status, "sending"));

export async function markSent(db: Db, key: string, now: Date): Promise<void> {
  await db
    .update(emailMessages)
    .set({ status: "sent", sentAt: now, leaseUntil: null, lastError: null })
    .where(mine(key));
}

export async function markSkipped(db: Db, key: string, reason: string): Promise<void> {
  await db
    .update(emailMessages)
    .set({ status: "skipped", leaseUntil: null, lastError: reason })
    .where(mine(key));
}

export interface SendFailure {
  message: string;
  /** The server refused for good (5xx), as opposed to a failure worth retrying. */
  permanent: boolean;
}

export type FailureOutcome = "retry" | "failed" | "reader-failing";

/** Schedules a retry, or gives up; a permanent refusal given up on stops the reader's alerts. */
export async function markFailure(
  db: Db,
  message: Pick<EmailMessage, "key" | "userId" | "attempts">,
  failure: SendFailure,
  now: Date,
): Promise<FailureOutcome> {
  const limit = failure.permanent ? MAX_PERMANENT_ATTEMPTS : MAX_ATTEMPTS;
  const lastError = failure.message.slice(0, 500);
  if (message.attempts < limit) {
    await db
      .update(emailMessages)
      .set({
        status: "pending",
        leaseUntil: null,
        lastError,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
      })
      .where(mine(message.key));
    return "retry";
  }
  await db
    .update(emailMessages)
    .set({ status: "failed", leaseUntil: null, lastError })
    .where(mine(message.key));
  if (!failure.permanent) return "failed";
  await db
    .update(alertSettings)
    .set({ failingSince: now })
    .where(eq(alertSettings.userId, message.userId));
  return "reader-failing";
}
