import type { Metadata } from "next";
import Link from "next/link";
import { requireReader } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { formatMinute } from "@/lib/email/local-time";
import { getAlertPreferences } from "@/lib/email/settings";
import { accountPath, watchlistPath } from "@/lib/routes";
import { AlertSettingsForm } from "./_components/alert-settings-form";
import { saveAlertSettings, signOutReader } from "./actions";

export const metadata: Metadata = {
  title: "Your account",
  robots: { index: false, follow: false },
};

// Blocking, per request: see app/(account)/layout.tsx (development checks each page).
export const instant = false;

export default async function AccountPage() {
  const reader = await requireReader(accountPath);
  const preferences = await getAlertPreferences(await getDb(), reader.id);
  return (
    <section className="account-panel">
      <h1 className="page-title">Your account</h1>
      <p>
        Signed in as <strong>{reader.email}</strong>.
      </p>
      <p>
        <Link href={watchlistPath}>Your watchlist and feed</Link>
      </p>
      <h2 className="section-title" id="email-alerts">
        Email alerts
      </h2>
      {preferences.failing ? (
        <p className="account-notice account-notice--error" role="alert">
          Our emails to {reader.email} were refused, so we stopped sending them. Save your settings
          again to start over.
        </p>
      ) : null}
      <AlertSettingsForm
        action={saveAlertSettings}
        mode={preferences.mode}
        digestTime={formatMinute(preferences.digestMinute)}
        timeZone={preferences.timeZone}
        chosen={preferences.chosen}
      />
      <form action={signOutReader}>
        <button type="submit" className="button button--secondary">
          Sign out
        </button>
      </form>
    </section>
  );
}
