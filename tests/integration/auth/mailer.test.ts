import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestSmtpServer, linkIn, type TestSmtpServer } from "../../support/smtp";

vi.mock("server-only", () => ({}));

const { signInLinkSender } = await import("@/lib/auth/mailer");
const { readDevMailbox } = await import("@/lib/auth/dev-mailbox");

// SMTP ports 2525–2530 are this project's test range; the e2e suite takes 2525.
const SMTP_PORT = Number(process.env.AUTH_TEST_SMTP_PORT ?? 2527);
const FROM = "Daily Insight <signin@daily-insight.test>";
const link =
  "http://localhost:3000/api/auth/callback/nodemailer?callbackUrl=%2Fwatchlist&token=abc123&email=reader%40example.com";

describe("sign-in email over SMTP", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer(SMTP_PORT);
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("sends the link as plain text and HTML, from EMAIL_FROM to the reader", async () => {
    const send = signInLinkSender({ EMAIL_SERVER: smtp.url, EMAIL_FROM: FROM, NODE_ENV: "test" });
    const expires = new Date(Date.now() + 15 * 60_000);
    await send({ email: "reader@example.com", url: link, expires });

    const received = await smtp.takeMailTo("reader@example.com");
    expect(received.envelopeTo).toEqual(["reader@example.com"]);
    expect(received.envelopeFrom).toBe("signin@daily-insight.test");
    expect(received.mail.from?.text).toBe('"Daily Insight" <signin@daily-insight.test>');
    expect(received.mail.subject).toBe("Sign in to Daily Insight");
    expect(linkIn(received).href).toBe(link);
    expect(received.mail.text).toContain("expires in 15 minutes");
    // The HTML part carries the same link, escaped as an attribute.
    expect(received.mail.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
  });

  it("fails loudly when the SMTP server cannot be reached", async () => {
    const send = signInLinkSender({
      EMAIL_SERVER: "smtp://127.0.0.1:1",
      EMAIL_FROM: FROM,
      NODE_ENV: "test",
    });
    await expect(
      send({ email: "reader@example.com", url: link, expires: new Date() }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe("sign-in email without EMAIL_SERVER", () => {
  it("goes to the console and the dev mailbox in development", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dev-mailbox-"));
    const file = path.join(dir, "mailbox.json");
    const printed = vi.spyOn(console, "info").mockImplementation(() => undefined);
    try {
      const send = signInLinkSender(
        { EMAIL_SERVER: undefined, EMAIL_FROM: FROM, NODE_ENV: "development" },
        file,
      );
      await send({ email: "dev@example.com", url: link, expires: new Date() });
      expect(printed.mock.calls.flat().join("\n")).toContain(link);
      const [mail, ...rest] = readDevMailbox(file);
      expect(rest).toEqual([]);
      expect(mail).toMatchObject({
        to: "dev@example.com",
        subject: "Sign in to Daily Insight",
        url: link,
      });
      expect(mail?.text).toContain(link);
    } finally {
      printed.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is a configuration error in production, raised when a link is requested", async () => {
    const send = signInLinkSender({
      EMAIL_SERVER: undefined,
      EMAIL_FROM: FROM,
      NODE_ENV: "production",
    });
    await expect(
      send({ email: "reader@example.com", url: link, expires: new Date() }),
    ).rejects.toMatchObject({
      code: "misconfigured",
      message: expect.stringMatching(/EMAIL_SERVER is not set/),
    });
  });
});
