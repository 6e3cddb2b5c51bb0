import "server-only";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Development only: with no EMAIL_SERVER, sign-in emails and alerts (lib/email/mailer.ts) land in a small JSON file under
// .data/ (newest first, capped) that the /dev/mailbox page shows, besides the console.

export const DEV_MAILBOX_FILE = ".data/dev-mailbox.json";
export const DEV_MAILBOX_CAP = 20;

const devMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  url: z.string(),
  text: z.string(),
  /** The HTML part, for messages that have one beyond a link (alerts, digests). */
  html: z.string().optional(),
  sentAt: z.iso.datetime(),
});

export type DevMail = z.infer<typeof devMailSchema>;

export function readDevMailbox(file: string = DEV_MAILBOX_FILE): DevMail[] {
  try {
    const parsed = z
      .array(devMailSchema)
      .safeParse(JSON.parse(readFileSync(path.resolve(file), "utf8")));
    return parsed.success ? parsed.data : [];
  } catch {
    // No mail yet, or a file from an older shape: an empty mailbox either way.
    return [];
  }
}

export function addToDevMailbox(
  mail: Omit<DevMail, "id" | "sentAt">,
  file: string = DEV_MAILBOX_FILE,
  sentAt: Date = new Date(),
): DevMail {
  const entry: DevMail = { id: randomUUID(), sentAt: sentAt.toISOString(), ...mail };
  const mails = [entry, ...readDevMailbox(file)].slice(0, DEV_MAILBOX_CAP);
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  // Written beside and renamed into place, so the page never reads half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(mails, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, target);
  return entry;
}
