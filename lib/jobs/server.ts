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

/** Starts this server's email worker (instrumentation.ts). */
export async function startEmailWorkerInServer(): Promise<void> {
  if (!env.WORKER_IN_SERVER) return;
  const client = sanityClient.withConfig({ useCdn: false });
  await startEmailWorker({
    boss: await getJobQueue(),
    db: await getDb(),
    readPost: (postId) => client.fetch(alertPostQuery, { id: postId }),
    mailer: alertMailer(env),
    siteUrl: env.SITE_URL,
    secret: resolveAuthSecret(env),
  });
}
