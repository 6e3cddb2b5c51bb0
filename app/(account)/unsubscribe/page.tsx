import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { subscriberForToken } from "@/lib/email/unsubscribe";
import { env } from "@/lib/env";
import { accountPath } from "@/lib/routes";
import { UnsubscribeForm } from "./_components/unsubscribe-form";

export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false, follow: false },
};

// Blocking, per request: see app/(account)/layout.tsx (development checks each page).
export const instant = false;

// Opened from a message's footer link, signed in or not. Opening it changes nothing (mail
// scanners open every link in a message); the reader presses Unsubscribe, and can undo it.
export default async function UnsubscribePage({ searchParams }: PageProps<"/unsubscribe">) {
  await connection();
  const { token } = await searchParams;
  const given = typeof token === "string" ? token : undefined;
  const subscriber = given
    ? await subscriberForToken(await getDb(), given, resolveAuthSecret(env))
    : null;
  return (
    <section className="account-panel">
      <h1 className="page-title">Email alerts</h1>
      {subscriber && given ? (
        <UnsubscribeForm
          token={given}
          email={subscriber.email}
          subscribed={subscriber.mode !== "off"}
        />
      ) : (
        <p className="account-notice">
          This unsubscribe link is not valid or has been cut short. You can turn email alerts off
          from <Link href={accountPath}>your account</Link> once signed in.
        </p>
      )}
    </section>
  );
}
