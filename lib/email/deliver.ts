import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import {
  alertSettings,
  postAnnouncements,
  readerPostAlerts,
  users,
  type EmailMessage,
} from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import {
  absoluteUrlFor,
  accountPath,
  oneClickUnsubscribePath,
  unsubscribePath,
} from "@/lib/routes";
import type { AlertPost, MessageLinks, PostForReader, RenderedEmail } from "./alert-content";
import type { Mailer } from "./mailer";
import { claimMessages, markFailure, markSent, markSkipped, type SendFailure } from "./outbox";
import { renderAlertEmail, renderDigestEmail } from "./render";
import { SMTP_CONNECTIONS } from "./smtp-pool";
import { signUnsubscribeToken } from "./unsubscribe-token";

// The delivery worker's loop: claim a batch from the outbox, send each message, mark it. Many
// readers get the same message but for their unsubscribe token, so each distinct message is
// rendered once per run with a stand-in token that is then replaced per reader.

export interface DeliveryOptions {
  db: Db;
  mailer: Mailer;
  siteUrl: string;
  /** AUTH_SECRET: signs the unsubscribe links. */
  secret: string;
  now?: () => Date;
  batchSize?: number;
  /** Messages in flight at once (the mailer's SMTP connections). */
  concurrency?: number;
  /** How long a claimed message stays this worker's (outbox.ts LEASE_MS). */
  leaseMs?: number;
  log?: (message: string) => void;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** The longest time between the SMTP server accepting a message and "sent" committed: the
   * window in which a worker's death would send that message again. */
  maxCommitMs: number;
}

/** Token-shaped (letters only), so escaping and URL encoding leave it as it is. */
const TOKEN_STAND_IN = "UnsubscribeTokenStandIn";

/** Sends what the outbox holds that is due, until nothing is left to claim. */
export async function deliverPending(options: DeliveryOptions): Promise<DeliveryReport> {
  const { db, mailer, siteUrl, secret, now = () => new Date(), batchSize = 100 } = options;
  const { concurrency = SMTP_CONNECTIONS, leaseMs, log = console.error } = options;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0, maxCommitMs: 0 };
  const rendered = new Map<string, Promise<RenderedEmail>>();
  const links = (token: string): MessageLinks => ({
    unsubscribeUrl: absoluteUrlFor(unsubscribePath(token), siteUrl),
    settingsUrl: absoluteUrlFor(accountPath, siteUrl),
    siteUrl: absoluteUrlFor("/", siteUrl),
  });

  for (;;) {
    const batch = await claimMessages(db, now(), batchSize, leaseMs);
    if (batch.length === 0) return report;
    const context = await loadBatch(db, batch);

    const deliverOne = async (message: EmailMessage) => {
      const reader = context.readers.get(message.userId);
      const skip = !reader?.email
        ? "the reader has no email address"
        : reader.mode === null || reader.mode === "off"
          ? "the reader turned email alerts off"
          : reader.failing
            ? "the reader's address refuses mail"
            : null;
      const posts = message.postIds.flatMap((postId) => {
        const found = context.posts.get(`${message.userId} ${postId}`);
        return found ? [found] : [];
      });
      if (skip || posts.length === 0 || !reader?.email) {
        await markSkipped(db, message.key, skip ?? "its posts are gone");
        report.skipped++;
        return;
      }
      const key = `${message.kind} ${message.day} ${posts.map((p) => `${p.post.id}:${p.tickers.map((t) => t.symbol).join(",")}`).join(" ")}`;
      let template = rendered.get(key);
      if (!template) {
        template =
          message.kind === "alert"
            ? renderAlertEmail({ ...posts[0]!, links: links(TOKEN_STAND_IN) })
            : renderDigestEmail({
                dayLabel: dayLabel(message.day),
                posts,
                links: links(TOKEN_STAND_IN),
              });
        rendered.set(key, template);
      }
      const { subject, html, text } = await template;
      const token = signUnsubscribeToken(message.userId, secret);
      const oneClick = absoluteUrlFor(oneClickUnsubscribePath(token), siteUrl);
      try {
        await mailer.send({
          to: reader.email,
          subject,
          html: html.replaceAll(TOKEN_STAND_IN, token),
          text: text.replaceAll(TOKEN_STAND_IN, token),
          // RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe).
          headers: {
            "List-Unsubscribe": `<${oneClick}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
          link: posts[0]!.post.url,
        });
      } catch (error) {
        const failure = asFailure(error);
        const outcome = await markFailure(db, message, failure, now());
        if (outcome === "retry") report.retried++;
        else report.failed++;
        if (outcome === "reader-failing")
          log(`email: ${reader.email} refused mail ${message.attempts} times; its alerts stop`);
        return;
      }
      const accepted = performance.now();
      await markSent(db, message.key, now());
      report.maxCommitMs = Math.max(report.maxCommitMs, performance.now() - accepted);
      report.sent++;
    };

    await forEachLimited(batch, concurrency, deliverOne);
  }
}

interface BatchContext {
  readers: Map<string, { email: string | null; mode: string | null; failing: boolean }>;
  /** "<userId> <postId>" → the post as that reader gets it. */
  posts: Map<string, PostForReader>;
}

async function loadBatch(db: Db, batch: EmailMessage[]): Promise<BatchContext> {
  const userIds = [...new Set(batch.map((message) => message.userId))];
  const postIds = [...new Set(batch.flatMap((message) => message.postIds))];
  const [readerRows, alertRows] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        mode: alertSettings.mode,
        failingSince: alertSettings.failingSince,
      })
      .from(users)
      .leftJoin(alertSettings, eq(alertSettings.userId, users.id))
      .where(inArray(users.id, userIds)),
    db
      .select({
        userId: readerPostAlerts.userId,
        postId: readerPostAlerts.postId,
        symbols: readerPostAlerts.symbols,
        content: postAnnouncements.content,
      })
      .from(readerPostAlerts)
      .innerJoin(postAnnouncements, eq(postAnnouncements.postId, readerPostAlerts.postId))
      .where(
        and(inArray(readerPostAlerts.userId, userIds), inArray(readerPostAlerts.postId, postIds)),
      ),
  ]);
  const readers = new Map(
    readerRows.map((row) => [
      row.id,
      { email: row.email, mode: row.mode, failing: row.failingSince !== null },
    ]),
  );
  const posts = new Map<string, PostForReader>();
  for (const row of alertRows) {
    const post = row.content as AlertPost;
    const watched = new Set(row.symbols);
    posts.set(`${row.userId} ${row.postId}`, {
      post,
      tickers: post.tickers.filter((ticker) => watched.has(ticker.symbol)),
    });
  }
  return { readers, posts };
}

function asFailure(error: unknown): SendFailure {
  const permanent =
    typeof error === "object" && error !== null && "permanent" in error && error.permanent === true;
  return { message: error instanceof Error ? error.message : String(error), permanent };
}

/** "Friday, December 4" for the digest of 2026-12-04. */
export function dayLabel(day: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T12:00:00Z`));
}

async function forEachLimited<T>(
  items: T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
