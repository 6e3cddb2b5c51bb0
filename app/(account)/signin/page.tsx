import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { enabledOAuthProviders, getReader } from "@/lib/auth";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { safeCallbackPath } from "@/lib/auth/sign-in-input";
import { env } from "@/lib/env";
import { EmailSignInForm } from "./_components/email-sign-in-form";
import { OAuthButtons } from "./_components/oauth-buttons";
import { accountPath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Daily Insight with a link by email.",
  robots: { index: false, follow: true },
};

// Blocking, per request: see app/(account)/layout.tsx (development checks each page).
export const instant = false;

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  // Per request from the first line: Auth.js draws random values for a signed-out reader,
  // which Next refuses while it could still be prerendering.
  await connection();
  const params = await searchParams;
  const one = (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const callbackUrl = safeCallbackPath(one("callbackUrl"));
  const reader = await getReader();
  if (reader) {
    return (
      <section className="account-panel">
        <h1 className="page-title">Sign in</h1>
        <p className="account-notice">
          You are signed in as <strong>{reader.email}</strong>.
        </p>
        <p>
          <Link href={callbackUrl}>Continue</Link> · <Link href={accountPath}>Your account</Link>
        </p>
      </section>
    );
  }
  const error = signInErrorMessage({
    error: one("error"),
    limit: one("limit"),
    retry: one("retry"),
  });
  return (
    <section className="account-panel">
      <h1 className="page-title">Sign in</h1>
      {one("signedOut") ? (
        <p className="account-notice" role="status">
          You have signed out.
        </p>
      ) : null}
      {error ? (
        <p className="account-notice account-notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <EmailSignInForm callbackUrl={callbackUrl} />
      <OAuthButtons providers={enabledOAuthProviders(env)} callbackUrl={callbackUrl} />
    </section>
  );
}
