import type { Metadata } from "next";
import Link from "next/link";
import { StatusMessage } from "@/components/status-message";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { env } from "@/lib/env";
import { signInPath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Check your email",
  robots: { index: false, follow: false },
};

// Auth.js sends the reader here (pages.verifyRequest) once the link is on its way.
// Blocking, per request: see app/(account)/layout.tsx (development checks each page).
export const instant = false;

export default function CheckEmailPage() {
  const usesDevMailbox = !env.EMAIL_SERVER && env.NODE_ENV !== "production";
  return (
    <StatusMessage title="Check your email">
      <p role="status">
        A sign-in link is on its way. It works once and expires in {MAGIC_LINK_MAX_AGE_SECONDS / 60}{" "}
        minutes.
      </p>
      <p>
        Nothing arrived? Look in your spam folder, or{" "}
        <Link href={signInPath}>ask for a new link</Link>.
      </p>
      {usesDevMailbox ? (
        <p>
          Development: no <code>EMAIL_SERVER</code> is set, so the link is printed in the terminal
          and kept in the <Link href="/dev/mailbox">dev mailbox</Link>.
        </p>
      ) : null}
    </StatusMessage>
  );
}
