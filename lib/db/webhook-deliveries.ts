import "server-only";
import { inArray, lt } from "drizzle-orm";
import { webhookDeliveries } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

/** How long a delivery's keys are remembered: longer than a signature stays fresh (±5 min). */
export const DELIVERY_MEMORY_MS = 15 * 60_000;

export interface DeliveryKeys {
  /** Sanity's `idempotency-key` header: the same on every redelivery of one change. */
  idempotencyKey: string | undefined;
  /** The signature's HMAC: the same on every replay of one signed request. */
  signature: string;
}

/**
 * Records a verified delivery and answers whether it is the first of its kind. In one
 * statement per key, so two instances receiving the same delivery at once cannot both see it as
 * new. A delivery is a repeat when either its idempotency key or its signature was seen before.
 */
export async function claimWebhookDelivery(
  db: Db,
  delivery: DeliveryKeys,
  now: Date = new Date(),
): Promise<boolean> {
  const keys = rowKeys(delivery);
  const inserted = await db
    .insert(webhookDeliveries)
    .values(keys.map((key) => ({ key, receivedAt: now })))
    .onConflictDoNothing()
    .returning({ key: webhookDeliveries.key });
  await db
    .delete(webhookDeliveries)
    .where(lt(webhookDeliveries.receivedAt, new Date(now.getTime() - DELIVERY_MEMORY_MS)));
  return inserted.length === keys.length;
}

/** Forgets a delivery whose work did not finish, so Sanity's redelivery is acted on again. */
export async function releaseWebhookDelivery(db: Db, delivery: DeliveryKeys): Promise<void> {
  await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.key, rowKeys(delivery)));
}

function rowKeys({ idempotencyKey, signature }: DeliveryKeys): string[] {
  const keys = [`signature:${signature}`];
  if (idempotencyKey) keys.push(`idempotency:${idempotencyKey}`);
  return keys;
}
