import { createHmac, timingSafeEqual } from "node:crypto";

// The token in every message's unsubscribe links: the reader's id and an HMAC of it under a key
// derived from AUTH_SECRET, so a link works without signing in, for that reader only, and for
// as long as the message is kept (unsubscribe links must not expire). Rotating AUTH_SECRET
// retires every link, as it does every session.

const PURPOSE = "daily-insight/email-unsubscribe/v1";

function mac(userId: string, secret: string): Buffer {
  const key = createHmac("sha256", secret).update(PURPOSE).digest();
  return createHmac("sha256", key).update(userId).digest();
}

export function signUnsubscribeToken(userId: string, secret: string): string {
  return `${Buffer.from(userId).toString("base64url")}.${mac(userId, secret).toString("base64url")}`;
}

/** The reader the token was signed for, or null for anything not signed with this secret. */
export function readUnsubscribeToken(token: unknown, secret: string): string | null {
  if (typeof token !== "string" || token.length > 512) return null;
  const [encodedId, encodedMac, ...rest] = token.split(".");
  if (!encodedId || !encodedMac || rest.length > 0) return null;
  const userId = Buffer.from(encodedId, "base64url").toString();
  if (userId.length === 0 || Buffer.from(userId).toString("base64url") !== encodedId) return null;
  const given = Buffer.from(encodedMac, "base64url");
  const expected = mac(userId, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
