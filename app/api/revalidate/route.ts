import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { revalidateTag } from "next/cache";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { tagsForWebhook, webhookBodySchema } from "@/lib/sanity/webhook";

// Sanity's GROQ-powered webhook (or the local lake's, which sends the same signed request).
// Sanity retries unless we answer 2xx, so only a request it could fix by resending gets 5xx.
const REVALIDATE_PROFILE = { expire: 0 };

export async function POST(request: Request): Promise<Response> {
  try {
    const secret = env.SANITY_WEBHOOK_SECRET;
    if (!secret) throw new AppError("misconfigured", "SANITY_WEBHOOK_SECRET is not set");

    // The signature covers the raw body, so it is checked before anything parses it.
    const payload = await request.text();
    const signature = request.headers.get(SIGNATURE_HEADER_NAME);
    if (!signature || !(await isValidSignature(payload, signature, secret))) {
      throw new AppError("unauthorized", "Invalid or missing webhook signature");
    }

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

    const revalidated = tagsForWebhook(parsed.data);
    // `{ expire: 0 }`, not 'max': with 'max' the next reader is still served the stale page
    // while it re-renders; expiring at once makes the next request render the published change.
    // (Next 16 docs, revalidateTag: "when the invalidation comes from outside a Server Action".)
    for (const tag of revalidated) revalidateTag(tag, REVALIDATE_PROFILE);
    return Response.json({ revalidated });
  } catch (error) {
    return errorResponse(error);
  }
}
