import "server-only";
import type { PgBoss } from "pg-boss";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { getDb, getJobStore } from "@/lib/db/client";
import { alertMailer } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { sanityClient } from "@/lib/sanity/client";
import { alertPostQuery } from "@/lib/sanity/queries";
import { createEmailQueues, startEmailWorker } from "./email-jobs";
import { openJobQueue } from "./queue";

// The server process's job queue (one pg-boss per process, on the reader database), and the
// email worker that runs in it unless WORKER_IN_SERVER=0 (then `npm run worker` does the jobs).

// Process-wide, like the database (lib/db/client.ts): Next bundles routes separately.
const slot = Symbol.for("daily-insight.jobs");
type Slot = { [slot]?: Promise<PgBoss> };

export function getJobQueue(): Promise<PgBoss> {
  const holder = globalThis as Slot;
  holder[slot] ??= (async () => {
    const boss = await openJobQueue(await getJobStore());
    await createEmailQueues(boss);
    return boss;
  })().catch((error: unknown) => {
    delete holder[slot];
    throw error;
  });
  return holder[slot];
}

/** Starts this server's email worker (instrumentation.ts), unless WORKER_IN_SERVER=0. */
export async function startEmailWorkerInServer(): Promise<void> {
  if (env.WORKER_IN_SERVER) await startEmailWorkerInProcess();
}

/** Does the email jobs in this process: the server's, or `npm run worker` (scripts/worker.ts). */
export async function startEmailWorkerInProcess(): Promise<void> {
  const client = sanityClient.withConfig({ useCdn: false });
  await startEmailWorker({
    boss: await getJobQueue(),
    db: await getDb(),
    readPost: (postId) => client.fetch(alertPostQuery, { id: postId }),
    mailer: alertMailer(env),
    siteUrl: env.SITE_URL,
    secret: resolveAuthSecret(env),
    leaseMs: env.EMAIL_LEASE_SECONDS * 1000,
  });
}

/** Stops the queue (and the worker in it), letting jobs under way finish for up to `timeoutMs`. */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const holder = globalThis as Slot;
  const boss = await holder[slot]?.catch(() => undefined);
  delete holder[slot];
  await boss?.stop({ graceful: true, timeout: timeoutMs, close: true });
}
