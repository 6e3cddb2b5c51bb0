"use server";

import { signOut } from "@/lib/auth";
import { readerAction } from "@/lib/auth/reader-action";
import { getDb } from "@/lib/db/client";
import {
  alertSettingsInput,
  describePreferences,
  saveAlertPreferences,
} from "@/lib/email/settings";
import { signInPath } from "@/lib/routes";

/** Ends the session: Auth.js deletes its row from the database and expires the cookie. */
export async function signOutReader(): Promise<void> {
  await signOut({ redirectTo: `${signInPath}?signedOut=1` });
}

/** The reader's email alert choice (off, instant, daily digest at a time and zone). */
export const saveAlertSettings = readerAction(alertSettingsInput, async (input, reader) => {
  await saveAlertPreferences(await getDb(), reader.id, input);
  return `Saved. ${describePreferences({ mode: input.mode, digestMinute: input.digestTime, timeZone: input.timeZone })}`;
});
