import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { alertSettings, type AlertSettings } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { formatMinute, isTimeZone, parseMinute } from "./local-time";

// A reader's choice of email about their watched tickers: off (the default: no row), each post
// as soon as it is published, or one digest a day at a time and zone they pick.

export const ALERT_MODES = ["off", "instant", "digest"] as const;
export type AlertMode = (typeof ALERT_MODES)[number];

/** A reader in instant mode gets at most this many alerts a (local) day; past it, the rest of
 * the day's posts wait for their next digest. Several market-moving posts in a day stay a few
 * emails, not a flood. */
export const INSTANT_ALERTS_PER_DAY = 5;
export const DEFAULT_DIGEST_MINUTE = 8 * 60;
export const DEFAULT_TIME_ZONE = "America/New_York";

export interface AlertPreferences {
  mode: AlertMode;
  digestMinute: number;
  timeZone: string;
  /** The reader's address refused mail for good; saving the settings again clears it. */
  failing: boolean;
  /** Whether the reader ever chose (even "off", or by unsubscribing): until then the settings
   * form proposes the browser's time zone, and after it the zone they saved. */
  chosen: boolean;
}

export const defaultAlertPreferences: AlertPreferences = {
  mode: "off",
  digestMinute: DEFAULT_DIGEST_MINUTE,
  timeZone: DEFAULT_TIME_ZONE,
  failing: false,
  chosen: false,
};

/** The settings form (app/(account)/account). */
export const alertSettingsInput = z.object({
  mode: z.enum(ALERT_MODES, { error: "Choose how often we email you." }),
  digestTime: z.string({ error: "Pick a time for your digest." }).transform((value, context) => {
    const minute = parseMinute(value);
    if (minute === null) {
      context.addIssue({ code: "custom", message: "Pick a time for your digest, like 08:00." });
      return z.NEVER;
    }
    return minute;
  }),
  timeZone: z
    .string({ error: "Pick your time zone." })
    .refine(isTimeZone, "Pick your time zone from the list."),
});
export type AlertSettingsInput = z.infer<typeof alertSettingsInput>;

function toPreferences(row: AlertSettings | undefined): AlertPreferences {
  if (!row) return defaultAlertPreferences;
  return {
    mode: row.mode,
    digestMinute: row.digestMinute,
    timeZone: row.timeZone,
    failing: row.failingSince !== null,
    chosen: true,
  };
}

export async function getAlertPreferences(db: Db, userId: string): Promise<AlertPreferences> {
  const [row] = await db.select().from(alertSettings).where(eq(alertSettings.userId, userId));
  return toPreferences(row);
}

/** Whether the reader ever chose (even "off"): until then, watching a ticker offers alerts. */
export async function hasChosenAlerts(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: alertSettings.userId })
    .from(alertSettings)
    .where(eq(alertSettings.userId, userId));
  return row !== undefined;
}

export async function saveAlertPreferences(
  db: Db,
  userId: string,
  input: AlertSettingsInput,
): Promise<void> {
  const values = {
    mode: input.mode,
    digestMinute: input.digestTime,
    timeZone: input.timeZone,
    updatedAt: new Date(),
    failingSince: null,
  };
  await db
    .insert(alertSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: alertSettings.userId, set: values });
}

/** Unsubscribe (mode off) or its undo; the reader's time and zone are kept for next time. */
export async function setAlertMode(db: Db, userId: string, mode: AlertMode): Promise<void> {
  await db
    .insert(alertSettings)
    .values({ userId, mode, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: alertSettings.userId,
      set: { mode, updatedAt: sql`now()` },
    });
}

export function describePreferences(
  preferences: Pick<AlertPreferences, "mode" | "digestMinute" | "timeZone">,
): string {
  switch (preferences.mode) {
    case "off":
      return "No email alerts.";
    case "instant":
      return "An email as soon as we publish about a ticker you watch.";
    case "digest":
      return `One digest a day at ${formatMinute(preferences.digestMinute)} (${preferences.timeZone}).`;
  }
}
