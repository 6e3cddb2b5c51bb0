import { revalidateTag } from "next/cache";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import {
  claimWebhookDelivery,
  releaseWebhookDelivery,
  type DeliveryKeys,
} from "@/lib/db/webhook-deliveries";
import { enqueueAnnouncement } from "@/lib/jobs/email-jobs";
import { getJobQueue } from "@/lib/jobs/server";
import { publishedId } from "@/lib/content/ids";
import { tagsForWebhook, webhookBodySchema } from "@/lib/sanity/webhook";
import { verifyWebhookRequest } from "@/lib/sanity/webhook-request";

// Sanity's GROQ-powered webhook (or the local lake's, which sends the same signed request).
// Sanity retries unless we answer 2xx, so only a request it could fix by resending gets 5xx.
const REVALIDATE_PROFILE = { expire: 0 };

export async function POST(request: Request): Promise<Response> {
  try {
    const secret = env.SANITY_WEBHOOK_SECRET;
    if (!secret) throw new AppError("misconfigured", "SANITY_WEBHOOK_SECRET is not set");
    const { payload, keys } = await verifyWebhookRequest(request, secret);

    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      throw new AppError("bad_request", "Body is not valid JSON");
    }
    const parsed = webhookBodySchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError(
        "bad_request",
        `Unexpected webhook body: ${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")}`,
      );
    }

    // A redelivery (same idempotency-key) or a replay (same signature) is acknowledged, so
    // Sanity stops sending it, and changes nothing.
    if (!(await isFirstDelivery(keys))) return Response.json({ revalidated: [], repeated: true });

    const revalidated = tagsForWebhook(parsed.data);
    // `{ expire: 0 }`, not 'max': with 'max' the next reader is still served the stale page
    // while it re-renders; expiring at once makes the next request render the published change.
    // (Next 16 docs, revalidateTag: "when the invalidation comes from outside a Server Action".)
    for (const tag of revalidated) revalidateTag(tag, REVALIDATE_PROFILE);

    // A published post may have just become visible to readers: the email worker announces it
    // to their watchlists, once (lib/email/announce.ts decides; a repeat is harmless). The job
    // is durable once queued; until then this delivery is not done, so Sanity must send it again.
    if (parsed.data._type === "post" && parsed.data.operation !== "delete") {
      try {
        await enqueueAnnouncement(await getJobQueue(), publishedId(parsed.data._id));
      } catch (error) {
        console.error("revalidate: could not queue the post's email alerts", error);
        await releaseWebhookDelivery(await getDb(), keys).catch(() => {});
        throw new AppError(
          "content_unavailable",
          "Revalidated, but the post's email alerts could not be queued; send it again",
        );
      }
    }
    return Response.json({ revalidated });
  } catch (error) {
    return errorResponse(error);
  }
}

// With the reader database down a verified delivery still revalidates (expiring a tag twice
// costs a render, not correctness); only the repeat protection is off until it is back.
async function isFirstDelivery(keys: DeliveryKeys): Promise<boolean> {
  try {
    return await claimWebhookDelivery(await getDb(), keys);
  } catch (error) {
    console.error("revalidate: could not record the delivery; acting on it anyway", error);
    return true;
  }
}
