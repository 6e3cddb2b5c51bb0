import { isValidSignature, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import { revalidateTag } from "next/cache";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { tagsForWebhook, webhookBodySchema } from "@/lib/sanity/webhook";

// Sanity's GROQ-powered webhook (or the local lake's, which sends the same signed request).
// Sanity retries unless we answer 2xx, so only a request it could fix by resending gets 5xx.
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
    // 'max': readers get the cached page while the fresh one renders in the background.
    for (const tag of revalidated) revalidateTag(tag, "max");
    return Response.json({ revalidated });
  } catch (error) {
    return errorResponse(error);
  }
}
