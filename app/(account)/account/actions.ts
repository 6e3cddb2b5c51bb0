"use server";

import { signOut } from "@/lib/auth";
import { signInPath } from "@/lib/routes";

/** Ends the session: Auth.js deletes its row from the database and expires the cookie. */
export async function signOutReader(): Promise<void> {
  await signOut({ redirectTo: `${signInPath}?signedOut=1` });
}
