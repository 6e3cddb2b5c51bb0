import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { sessions } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

// The names Auth.js gives the database-session cookie: `__Secure-` on https origins. proxy.ts
// reads it to answer reader pages with a real redirect before anything is rendered.
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function sessionTokenFrom(cookies: {
  get(name: string): { value: string } | undefined;
}): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

/**
 * Whether a session token opens a session now: the row Auth.js keeps for it exists and has not
 * expired (the same test its adapter's getSessionAndUser makes). Signing out deletes the row.
 */
export async function isLiveSession(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ token: sessions.sessionToken })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, now)))
    .limit(1);
  return row !== undefined;
}
