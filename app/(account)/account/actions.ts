"use server";

import { signOut } from "@/lib/auth";

/** Ends the session: Auth.js deletes its row from the database and expires the cookie. */
export async function signOutReader(): Promise<void> {
  await signOut({ redirectTo: "/signin?signedOut=1" });
}
