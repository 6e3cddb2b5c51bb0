// How alerts reach the SMTP relay: a pool of connections kept open, with timeouts inside the
// outbox's lease (outbox.ts). Plain (no server-only, no I/O): the mailer builds its transport
// from it, and `npm run bench -- email` gives its bare nodemailer loop the same transport.

/** Connections kept open to the relay, and so messages in flight at once per worker. */
export const SMTP_CONNECTIONS = 8;

/** EMAIL_SERVER as nodemailer's pooled transport URL. */
export function pooledSmtpUrl(server: string): string {
  const url = new URL(server);
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", String(SMTP_CONNECTIONS));
  // A relay that stops answering fails the send within a minute (nodemailer waits ten by
  // default), well inside the outbox's lease.
  url.searchParams.set("socketTimeout", "60000");
  url.searchParams.set("greetingTimeout", "30000");
  url.searchParams.set("connectionTimeout", "30000");
  return url.toString();
}
