import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server in the test process (the smtp-server package): the app sends to it over
// SMTP exactly as it sends to a production relay, and tests read what arrived.

export interface ReceivedMail {
  envelopeFrom: string | undefined;
  envelopeTo: string[];
  mail: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, to pass as EMAIL_SERVER. */
  url: string;
  received: ReceivedMail[];
  /** The oldest message to `address` not taken yet, waiting for it when none has arrived. */
  takeMailTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** From the `count`th message on, read each message but never answer it (no 250): the sender
   * waits, as on a relay that stalls, and the message is not delivered. */
  stallAfter(count: number): void;
  /** Messages read and left unanswered since stallAfter. */
  stalled(): number;
  /** Answers RCPT TO for `address` with `code` (450: try later; 550: no such mailbox) until
   * `refuse(address, null)`. */
  refuse(address: string, code: number | null): void;
  /** Answers again (messages left unanswered stay undelivered: their senders gave up). */
  resume(): void;
  close(): Promise<void>;
}

export async function startTestSmtpServer(port: number): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const listeners = new Set<() => void>();
  let stallFrom = Infinity;
  const refusals = new Map<string, number>();
  let stalled = 0;

  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate for nodemailer to reject on STARTTLS.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refusals.get(address.address.toLowerCase());
      if (code === undefined) return callback();
      const error = Object.assign(new Error(`Refused ${address.address} (test)`), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (received.length >= stallFrom) {
            stalled++;
            return;
          }
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
            mail,
          });
          for (const listener of listeners) listener();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  const findUntaken = (address: string) =>
    received.find(
      (entry) =>
        !taken.has(entry) &&
        entry.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase()),
    );

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    stallAfter(count) {
      stallFrom = count;
      stalled = 0;
    },
    stalled: () => stalled,
    refuse(address, code) {
      if (code === null) refusals.delete(address.toLowerCase());
      else refusals.set(address.toLowerCase(), code);
    },
    resume() {
      stallFrom = Infinity;
    },
    takeMailTo(address, timeoutMs = 10_000) {
      return new Promise<ReceivedMail>((resolve, reject) => {
        const attempt = () => {
          const found = findUntaken(address);
          if (!found) return false;
          taken.add(found);
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const check = () => void attempt();
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no email to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!attempt()) listeners.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link in a message's plain-text part. */
export function linkIn(received: ReceivedMail): URL {
  const match = /https?:\/\/\S+/.exec(received.mail.text ?? "");
  if (!match) throw new Error(`no link in the email "${received.mail.subject ?? ""}"`);
  return new URL(match[0]);
}
