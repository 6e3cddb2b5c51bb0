import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db } from "@/lib/db/client";
import { announceablePost, announcePost } from "@/lib/email/announce";
import { deliverPending, type DeliveryReport } from "@/lib/email/deliver";
import { planDigests } from "@/lib/email/digests";
import type { Mailer } from "@/lib/email/mailer";
import type { AlertPostQueryResult } from "@/lib/sanity/types";

// The email worker's three queues in pg-boss (queue.ts). A post becoming visible (its publish
// webhook, or the go-live watch at its time) sends "announce-post"; announcing writes the
// outbox and sends "deliver-email" jobs, which workers on any instance take and drain; a
// schedule runs "email-tick" every minute on one instance: digests that are due, and retries.

// Named for its policy: pg-boss cannot change an existing queue's policy, and "announce-post"
// was exclusive (a delivery during a run was dropped); a database from before keeps that queue
// unused, and the go-live catch-up at start announces what it may have held.
export const ANNOUNCE_QUEUE = "announce-post-stately";
export const DELIVER_QUEUE = "deliver-email";
export const TICK_QUEUE = "email-tick";

/** Readers per extra deliver job: a large fan-out is drained by several workers at once. */
const READERS_PER_DELIVER_JOB = 500;
const MAX_DELIVER_JOBS = 4;

export interface AnnounceJob {
  postId: string;
}

export async function createEmailQueues(boss: PgBoss): Promise<void> {
  // Per post, one announce job running and one waiting at most (stately, keyed by post): a
  // delivery while the post's job runs queues one more, which reads the post again after it (a
  // post that became visible during the first read is announced then); more deliveries while
  // one waits are that one, which reads the post when it runs. A failed job (the content source
  // or the database down) is retried with backoff for about an hour. Jobs of different posts run
  // at once on different instances: announcePost's lock keeps the daily limit.
  await boss.createQueue(ANNOUNCE_QUEUE, {
    policy: "stately",
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
    retryDelayMax: 600,
  });
  await boss.createQueue(DELIVER_QUEUE, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
  await boss.createQueue(TICK_QUEUE, { policy: "singleton", retryLimit: 0 });
}

/** Asks for `postId` to be announced; idempotent (announcePost announces a post once). */
export async function enqueueAnnouncement(boss: PgBoss, postId: string): Promise<void> {
  await boss.send(ANNOUNCE_QUEUE, { postId } satisfies AnnounceJob, { singletonKey: postId });
}

export interface EmailWorkerOptions {
  boss: PgBoss;
  db: Db;
  /** The post as readers see it now (alertPostQuery, straight from the API), or null. */
  readPost: (postId: string) => Promise<AlertPostQueryResult>;
  /** Null: nowhere to send yet (production without EMAIL_SERVER); the outbox waits. */
  mailer: Mailer | null;
  siteUrl: string;
  secret: string;
  /** outbox.ts LEASE_MS unless set (EMAIL_LEASE_SECONDS). */
  leaseMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

/** This process does the email jobs too; `boss` has the queues (createEmailQueues). */
export async function startEmailWorker(options: EmailWorkerOptions): Promise<void> {
  const { boss, db, readPost, mailer, siteUrl, secret, leaseMs } = options;
  const { now = () => new Date(), log = (message) => console.info(message) } = options;
  const deliver = async (): Promise<DeliveryReport | null> => {
    if (!mailer) return null;
    const report = await deliverPending({ db, mailer, siteUrl, secret, now, leaseMs, log });
    if (report.sent + report.failed + report.retried > 0)
      log(
        `email: ${report.sent} sent, ${report.retried} to retry, ${report.failed} failed, ` +
          `${report.skipped} skipped (longest accepted→committed ${report.maxCommitMs.toFixed(1)} ms)`,
      );
    return report;
  };

  await boss.work<AnnounceJob>(ANNOUNCE_QUEUE, async ([job]) => {
    if (!job) return;
    const post = announceablePost(await readPost(job.data.postId), siteUrl, now());
    if (!post) return;
    const announced = await announcePost(db, post, now());
    if (!announced) return;
    log(
      `email: "${post.title}" announced to ${announced.readers} reader(s): ` +
        `${announced.instant} alert(s) now, ${announced.digest} for their digest`,
    );
    const jobs = Math.min(MAX_DELIVER_JOBS, Math.ceil(announced.instant / READERS_PER_DELIVER_JOB));
    for (let n = 0; n < jobs; n++) await boss.send(DELIVER_QUEUE, {});
  });
  await boss.work(DELIVER_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await deliver();
  });
  await boss.work(TICK_QUEUE, async () => {
    const digests = await planDigests(db, now());
    if (digests > 0) log(`email: ${digests} digest(s) due`);
    await deliver();
  });
  await boss.schedule(TICK_QUEUE, "* * * * *");
  // A worker (re)starting resumes the outbox at once rather than at the next tick.
  await boss.send(DELIVER_QUEUE, {});
  if (!mailer) log("email: EMAIL_SERVER is not set, so alerts wait in the outbox until it is");
}
