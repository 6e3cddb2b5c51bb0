import "server-only";
import { createTransport } from "nodemailer";
import type { Env } from "@/lib/env-schema";
import { AppError } from "@/lib/errors";
import { addToDevMailbox, DEV_MAILBOX_FILE } from "./dev-mailbox";
import { signInEmail } from "./sign-in-email";

export interface SignInLink {
  email: string;
  url: string;
  expires: Date;
}

export type SendSignInLink = (link: SignInLink) => Promise<void>;

/**
 * Where magic links go: EMAIL_SERVER set → that SMTP server; unset in development → the console
 * and the dev mailbox; unset in production → a configuration error when a link is requested
 * (sessions keep working, so signed-in readers are not locked out by a mail outage).
 */
export function signInLinkSender(
  source: Pick<Env, "EMAIL_SERVER" | "EMAIL_FROM" | "NODE_ENV">,
  mailboxFile: string = DEV_MAILBOX_FILE,
): SendSignInLink {
  if (source.EMAIL_SERVER) return smtpSender(source.EMAIL_SERVER, source.EMAIL_FROM);
  if (source.NODE_ENV === "production") {
    return () =>
      Promise.reject(
        new AppError(
          "misconfigured",
          "EMAIL_SERVER is not set: sign-in links cannot be sent in production. Set it to an " +
            "SMTP URL such as smtp://user:pass@smtp.example.com:587, and EMAIL_FROM.",
        ),
      );
  }
  return devMailboxSender(mailboxFile);
}

function smtpSender(server: string, from: string): SendSignInLink {
  const transport = createTransport(server);
  return async ({ email, url, expires }) => {
    const result = await transport.sendMail({
      to: email,
      from,
      ...signInEmail({ email, url, expires }),
    });
    const refused = [...result.rejected, ...(result.pending ?? [])];
    if (refused.length > 0) {
      throw new AppError("internal", `The SMTP server refused the sign-in email to ${email}`);
    }
  };
}

function devMailboxSender(file: string): SendSignInLink {
  return ({ email, url, expires }) => {
    const { subject, text } = signInEmail({ email, url, expires });
    addToDevMailbox({ to: email, subject, url, text }, file);
    // The development server's terminal is where a developer looks for the link.
    console.info(
      `\n[dev mailbox] Sign-in link for ${email}:\n  ${url}\n  (also at /dev/mailbox)\n`,
    );
    return Promise.resolve();
  };
}
