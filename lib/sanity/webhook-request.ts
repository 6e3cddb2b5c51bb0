import "server-only";
import { decodeSignatureHeader, isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { AppError } from "@/lib/errors";
import type { DeliveryKeys } from "@/lib/db/webhook-deliveries";
import { readBodyWithin } from "@/lib/http/request-body";

// What /api/revalidate accepts before it looks at a delivery's content. @sanity/webhook checks
// the HMAC only: it takes any timestamp after 2021 and reads whatever body it is given, so the
// size, the age and repeats are refused here.

/** Our projection is a few hundred bytes; Sanity's documented payload limit is far above it. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;
/** How far a signature's timestamp may be from our clock, either way. */
export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface VerifiedDelivery {
  payload: string;
  keys: DeliveryKeys;
}

export async function verifyWebhookRequest(
  request: Request,
  secret: string,
  now: number = Date.now(),
): Promise<VerifiedDelivery> {
  // At most WEBHOOK_MAX_BYTES are read, whoever sends them; an oversized body is a 413 before
  // any of it is buffered.
  const payload = await readBodyWithin(request, WEBHOOK_MAX_BYTES);
  const header = request.headers.get(SIGNATURE_HEADER_NAME) ?? "";
  let signed: { timestamp: number; hashedPayload: string };
  try {
    signed = decodeSignatureHeader(header);
  } catch {
    throw new AppError("unauthorized", "Invalid or missing webhook signature");
  }
  if (Math.abs(now - signed.timestamp) > WEBHOOK_MAX_SKEW_MS) {
    throw new AppError(
      "unauthorized",
      "The webhook signature is more than 5 minutes from the server's time: refused as a replay",
    );
  }
  const idempotencyKey = request.headers.get("idempotency-key") ?? undefined;
  if (idempotencyKey !== undefined && idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new AppError("bad_request", "The idempotency-key header is too long");
  }
  // The signature covers the raw body, so it is checked before anything parses it.
  if (!(await isValidSignature(payload, header, secret))) {
    throw new AppError("unauthorized", "Invalid or missing webhook signature");
  }
  return { payload, keys: { idempotencyKey, signature: signed.hashedPayload } };
}
