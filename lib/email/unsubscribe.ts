import "server-only";
import { eq } from "drizzle-orm";
import { alertSettings, users } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { setAlertMode, type AlertMode } from "./settings";
import { readUnsubscribeToken } from "./unsubscribe-token";

// What a message's unsubscribe links do (app/api/unsubscribe, app/(account)/unsubscribe): turn
// the reader's email alerts off, or back on (undo), with nothing but the signed token.

export interface Subscriber {
  userId: string;
  email: string;
  mode: AlertMode;
}

/** The reader a token names, or null for a token that is not ours or a reader who is gone. */
export async function subscriberForToken(
  db: Db,
  token: unknown,
  secret: string,
): Promise<Subscriber | null> {
  const userId = readUnsubscribeToken(token, secret);
  if (!userId) return null;
  const [row] = await db
    .select({ email: users.email, mode: alertSettings.mode })
    .from(users)
    .leftJoin(alertSettings, eq(alertSettings.userId, users.id))
    .where(eq(users.id, userId));
  if (!row?.email) return null;
  return { userId, email: row.email, mode: row.mode ?? "off" };
}

/** Turns alerts off; returns the mode they had (for undo), or null for a token not ours. */
export async function unsubscribe(
  db: Db,
  token: unknown,
  secret: string,
): Promise<{ subscriber: Subscriber; previous: AlertMode } | null> {
  const subscriber = await subscriberForToken(db, token, secret);
  if (!subscriber) return null;
  await setAlertMode(db, subscriber.userId, "off");
  return { subscriber: { ...subscriber, mode: "off" }, previous: subscriber.mode };
}

export async function resubscribe(
  db: Db,
  token: unknown,
  secret: string,
  mode: Exclude<AlertMode, "off">,
): Promise<Subscriber | null> {
  const subscriber = await subscriberForToken(db, token, secret);
  if (!subscriber) return null;
  await setAlertMode(db, subscriber.userId, mode);
  return { ...subscriber, mode };
}
