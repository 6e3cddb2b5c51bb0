import "server-only";
import { lt, sql } from "drizzle-orm";
import { rateLimitHits } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

// Fixed windows aligned to the epoch, counted in the database so that every instance behind a
// load balancer shares one count. Each call is one atomic upsert per key: two requests at the
// same instant cannot both see the last free slot.

export interface RateLimitRule {
  /** What is counted, e.g. "email:reader@example.com" or "ip:203.0.113.7". */
  key: string;
  limit: number;
  windowMs: number;
}

export type RateLimitVerdict =
  { allowed: true } | { allowed: false; key: string; retryAfterMs: number };

const MINUTE = 60_000;
/** No rule may count over a longer window: rows older than this are always expired. */
export const MAX_WINDOW_MS = 60 * MINUTE;

/** Magic-link requests: 5 per address and 20 per client IP in each 15 minutes. */
export const MAGIC_LINK_LIMITS = {
  perAddress: { limit: 5, windowMs: 15 * MINUTE },
  perIp: { limit: 20, windowMs: 15 * MINUTE },
} as const;

/**
 * The rules for one magic-link request: per inbox (the address folded by `mailboxKey`) and per
 * client (`ipKey`, from lib/auth/client-ip.ts). There is deliberately no per-domain limit: the
 * inbox rule already caps what any number of senders can push into one mailbox, and a shared
 * count for gmail.com would let one sender lock every Gmail reader out of signing in.
 */
export function magicLinkRules(email: string, ipKey: string | undefined): RateLimitRule[] {
  const rules: RateLimitRule[] = [
    { key: `email:${mailboxKey(email)}`, ...MAGIC_LINK_LIMITS.perAddress },
  ];
  if (ipKey) rules.push({ key: `ip:${ipKey}`, ...MAGIC_LINK_LIMITS.perIp });
  return rules;
}

// Providers that ignore dots in the local part: v.i.c.t.i.m@gmail.com is victim@gmail.com.
const DOTLESS_DOMAINS: Record<string, string> = {
  "gmail.com": "gmail.com",
  "googlemail.com": "gmail.com",
};

/**
 * The inbox an address delivers to, as far as we can tell: lower case, without a `+tag`
 * sub-address (reader+1@ and reader+2@ are one inbox at nearly every provider), and without the
 * dots Gmail ignores. Only for counting; the link is sent to the address as typed.
 */
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const domain = address.slice(at + 1);
  let local = address.slice(0, at).split("+")[0] ?? "";
  const canonicalDomain = DOTLESS_DOMAINS[domain];
  if (canonicalDomain) local = local.replaceAll(".", "");
  return `${local || address.slice(0, at)}@${canonicalDomain ?? domain}`;
}

/**
 * Counts one hit against every rule and answers whether all of them still allow it. A refused
 * request still counts, so hammering does not shorten the wait.
 */
export async function consumeRateLimit(
  db: Db,
  rules: readonly RateLimitRule[],
  now: Date = new Date(),
): Promise<RateLimitVerdict> {
  let refused: RateLimitVerdict = { allowed: true };
  for (const rule of rules) {
    if (rule.windowMs > MAX_WINDOW_MS)
      throw new RangeError(`window longer than an hour: ${rule.key}`);
    const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
    const [row] = await db
      .insert(rateLimitHits)
      .values({ key: rule.key, windowStart, hits: 1 })
      .onConflictDoUpdate({
        target: [rateLimitHits.key, rateLimitHits.windowStart],
        set: { hits: sql`${rateLimitHits.hits} + 1` },
      })
      .returning({ hits: rateLimitHits.hits });
    const hits = row?.hits ?? 1;
    if (hits === 1) await forgetExpiredWindows(db, now);
    if (hits > rule.limit && refused.allowed) {
      const retryAfterMs = windowStart.getTime() + rule.windowMs - now.getTime();
      refused = { allowed: false, key: rule.key, retryAfterMs };
    }
  }
  return refused;
}

// Opportunistic clean-up: a key's first hit in a window pays for one delete of the rows whose
// window has certainly ended, so the table never holds much more than an hour of keys.
async function forgetExpiredWindows(db: Db, now: Date) {
  const expired = new Date(now.getTime() - MAX_WINDOW_MS);
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, expired));
}
