import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { addToDevMailbox, readDevMailbox, DEV_MAILBOX_CAP } = await import("@/lib/auth/dev-mailbox");

describe("dev mailbox", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "dev-mailbox-"));
    file = path.join(dir, "nested", "mailbox.json");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const mail = (n: number) => ({
    to: `reader${n}@example.com`,
    subject: "Sign in to Daily Insight",
    url: `http://localhost:3000/api/auth/callback/nodemailer?token=t${n}`,
    text: `link ${n}`,
  });

  it("is empty before the first mail, and after a file it cannot read", () => {
    expect(readDevMailbox(file)).toEqual([]);
    writeFileSync(path.join(dir, "broken.json"), "{ not json");
    expect(readDevMailbox(path.join(dir, "broken.json"))).toEqual([]);
  });

  it("keeps the newest first, capped, in a file only the owner can read", () => {
    const total = DEV_MAILBOX_CAP + 3;
    for (let n = 1; n <= total; n += 1) {
      addToDevMailbox(mail(n), file, new Date(Date.UTC(2026, 0, 16, 9, n)));
    }
    const mails = readDevMailbox(file);
    expect(mails).toHaveLength(DEV_MAILBOX_CAP);
    expect(mails[0]).toMatchObject({ ...mail(total), sentAt: "2026-01-16T09:23:00.000Z" });
    expect(mails.at(-1)?.to).toBe(`reader${total - DEV_MAILBOX_CAP + 1}@example.com`);
    expect(new Set(mails.map((entry) => entry.id)).size).toBe(DEV_MAILBOX_CAP);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(mails);
  });
});
