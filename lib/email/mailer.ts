import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { addToDevMailbox, DEV_MAILBOX_FILE } from "@/lib/auth/dev-mailbox";
import type { Env } from "@/lib/env-schema";
import type { SendFailure } from "./outbox";
import { pooledSmtpUrl } from "./smtp-pool";

// Where alerts and digests go: EMAIL_SERVER set → that SMTP relay, over a small pool of
// connections; unset in development → the dev mailbox, like sign-in links; unset in production
// → nowhere yet: the worker leaves the outbox as it is, and sends once EMAIL_SERVER is set.

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The message's main link (the article), shown by the dev mailbox. */
  link: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects with a SendFailureError. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export class SendFailureError extends Error implements SendFailure {
  override readonly name = "SendFailureError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export function alertMailer(
  source: Pick<Env, "EMAIL_SERVER" | "EMAIL_FROM" | "NODE_ENV">,
  mailboxFile: string = DEV_MAILBOX_FILE,
): Mailer | null {
  if (source.EMAIL_SERVER) return smtpMailer(source.EMAIL_SERVER, source.EMAIL_FROM);
  if (source.NODE_ENV === "production") return null;
  return {
    send({ to, subject, text, html, link }) {
      addToDevMailbox({ to, subject, url: link, text, html }, mailboxFile);
      return Promise.resolve();
    },
    close() {},
  };
}

function smtpMailer(server: string, from: string): Mailer {
  const transport: Transporter = createTransport(pooledSmtpUrl(server));
  return {
    async send({ to, subject, html, text, headers }) {
      let result;
      try {
        result = await transport.sendMail({ from, to, subject, html, text, headers });
      } catch (error) {
        throw classify(error);
      }
      if (result.rejected.length > 0 || (result.pending ?? []).length > 0) {
        throw new SendFailureError(`The SMTP server refused ${to}`, true);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** An SMTP 5xx reply is a refusal for good; anything else (4xx, a lost connection) may pass later. */
function classify(error: unknown): SendFailureError {
  const code =
    typeof error === "object" && error !== null && "responseCode" in error
      ? Number(error.responseCode)
      : NaN;
  const message = error instanceof Error ? error.message : String(error);
  return new SendFailureError(message, code >= 500 && code < 600);
}
