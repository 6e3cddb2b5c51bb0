import type { PgBoss } from "pg-boss";
import { alertMailer, type Mailer } from "@/lib/email/mailer";
import { createEmailQueues, startEmailWorker } from "@/lib/jobs/email-jobs";
import { openJobQueue } from "@/lib/jobs/queue";
import { alertPostQuery } from "@/lib/sanity/queries";
import type { TestDb } from "./db";
import type { TestLake } from "./lake";
import { freePort } from "./ports";
import { startTestSmtpServer, type TestSmtpServer } from "./smtp";

// The email worker as the server runs it (lib/jobs/server.ts), on a test database, reading the
// real lake and sending to a real SMTP server. Modules under test import server-only: a test
// file using this mocks it (vi.mock("server-only", () => ({}))) before importing.

export const TEST_SITE_URL = "https://insight.example";
export const TEST_AUTH_SECRET = "email-test-secret-0123456789abcdef0123456789";

/** The mailer alerts go out through (lib/email/mailer.ts), pointed at a test SMTP server. */
export function testMailer(smtpUrl: string): Mailer {
  const mailer = alertMailer({
    EMAIL_SERVER: smtpUrl,
    EMAIL_FROM: "Daily Insight <alerts@insight.example>",
    NODE_ENV: "test",
  });
  if (!mailer) throw new Error("alertMailer gave no mailer for an SMTP URL");
  return mailer;
}

/** A real SMTP server on a free port and the app's mailer pointed at it. */
export async function startTestMailRoom(): Promise<{
  smtp: TestSmtpServer;
  mailer: Mailer;
  close(): Promise<void>;
}> {
  const smtp = await startTestSmtpServer(await freePort());
  const mailer = testMailer(smtp.url);
  return {
    smtp,
    mailer,
    async close() {
      mailer.close();
      await smtp.close();
    },
  };
}

export interface TestEmailWorker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startTestEmailWorker(options: {
  database: Pick<TestDb, "db" | "store">;
  lake: TestLake;
  /** Where messages go (testMailer, or the dev mailbox's); closed by stop(). */
  mailer: Mailer;
  now?: () => Date;
  log?: (message: string) => void;
}): Promise<TestEmailWorker> {
  const { database, lake, mailer, now, log = () => {} } = options;
  const boss = await openJobQueue(database.store, { log });
  await createEmailQueues(boss);
  // As the server reads (lib/jobs/server.ts): with the token, published documents only.
  const reader = lake.client.withConfig({ perspective: "published", useCdn: false });
  await startEmailWorker({
    boss,
    db: database.db,
    readPost: (postId) => reader.fetch(alertPostQuery, { id: postId }),
    mailer,
    siteUrl: TEST_SITE_URL,
    secret: TEST_AUTH_SECRET,
    now,
    log,
  });
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: false, close: true });
      mailer.close();
    },
  };
}
