"use server";

import { z } from "zod";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { resubscribe, unsubscribe } from "@/lib/email/unsubscribe";
import { env } from "@/lib/env";

// The unsubscribe page's one action, signed in or not: the token from the message is the only
// authority (lib/email/unsubscribe-token.ts). Anyone can call an action with anything: every
// field is checked here.

export type SubscriptionState =
  | { status: "idle" }
  | { status: "unsubscribed"; previous: "instant" | "digest" | null }
  | { status: "resubscribed"; mode: "instant" | "digest" }
  | { status: "refused"; message: string };

const input = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("unsubscribe"), token: z.string().max(512) }),
  z.object({
    intent: z.literal("undo"),
    token: z.string().max(512),
    mode: z.enum(["instant", "digest"]),
  }),
]);

const INVALID: SubscriptionState = {
  status: "refused",
  message: "This unsubscribe link is not valid. Manage your email alerts from your account page.",
};

export async function changeSubscription(
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  if (!(formData instanceof FormData)) return INVALID;
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return INVALID;
  const db = await getDb();
  const secret = resolveAuthSecret(env);
  if (parsed.data.intent === "unsubscribe") {
    const done = await unsubscribe(db, parsed.data.token, secret);
    if (!done) return INVALID;
    return { status: "unsubscribed", previous: done.previous === "off" ? null : done.previous };
  }
  const done = await resubscribe(db, parsed.data.token, secret, parsed.data.mode);
  return done ? { status: "resubscribed", mode: done.mode as "instant" | "digest" } : INVALID;
}
