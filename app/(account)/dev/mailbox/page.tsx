import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import Link from "next/link";
import { headers } from "next/headers";
import { isLocalRequest } from "@/lib/auth/client-ip";
import { readDevMailbox } from "@/lib/auth/dev-mailbox";
import { env } from "@/lib/env";
import { signInPath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Dev mailbox",
  robots: { index: false, follow: false },
};

const sentFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

// Development only: the sign-in emails and alerts that would have been sent, when EMAIL_SERVER is
// unset.
// Blocking, per request: see app/(account)/layout.tsx (development checks each page).
export const instant = false;

export default async function DevMailboxPage() {
  if (env.NODE_ENV === "production") notFound();
  await connection();
  // It lists working sign-in links: only for a browser on this machine, asking for this machine
  // by name (a page elsewhere could otherwise rebind its own host name to 127.0.0.1 and read it).
  if (!isLocalRequest(await headers(), env.TRUSTED_PROXY_HOPS)) notFound();
  const mails = readDevMailbox();
  return (
    <section className="account-panel">
      <h1 className="page-title">Dev mailbox</h1>
      <p className="page-intro">
        Sign-in emails and watchlist alerts from this development server, newest first. With{" "}
        <code>EMAIL_SERVER</code> set they go to that SMTP server instead.
      </p>
      {mails.length === 0 ? (
        <p>
          No email yet. <Link href={signInPath}>Request a sign-in link</Link>.
        </p>
      ) : (
        <ol className="dev-mailbox">
          {mails.map((mail) => (
            <li key={mail.id} className="dev-mailbox__item">
              <p className="dev-mailbox__meta">
                To <strong>{mail.to}</strong> ·{" "}
                <time dateTime={mail.sentAt}>{sentFormat.format(new Date(mail.sentAt))} UTC</time>
              </p>
              <p>
                <a href={mail.url}>{mail.subject}</a>
              </p>
              {mail.html ? (
                <details>
                  <summary>The message as text</summary>
                  <pre className="dev-mailbox__text">{mail.text}</pre>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
