import type { Metadata } from "next";
import Link from "next/link";
import { requireReader } from "@/lib/auth";
import { signOutReader } from "./actions";
import { accountPath, watchlistPath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Your account",
  robots: { index: false, follow: false },
};

// Blocking, per request: see app/(account)/layout.tsx (development checks each page).
export const instant = false;

export default async function AccountPage() {
  const reader = await requireReader(accountPath);
  return (
    <section className="account-panel">
      <h1 className="page-title">Your account</h1>
      <p>
        Signed in as <strong>{reader.email}</strong>.
      </p>
      <p>
        <Link href={watchlistPath}>Your watchlist and feed</Link>
      </p>
      <form action={signOutReader}>
        <button type="submit" className="button">
          Sign out
        </button>
      </form>
    </section>
  );
}
