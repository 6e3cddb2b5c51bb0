import { resolveAuthSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { unsubscribe } from "@/lib/email/unsubscribe";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";

// RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the URL in
// every message's List-Unsubscribe header, with no cookie and no Origin we could check. The
// signed token in the URL is the authority; the body says nothing the token does not, so it is
// not read at all (whatever its size). Answers plain text: a person may see it.

export async function POST(request: Request): Promise<Response> {
  try {
    const token = new URL(request.url).searchParams.get("token");
    if (!token) throw new AppError("bad_request", "This unsubscribe link has no token.");
    const done = await unsubscribe(await getDb(), token, resolveAuthSecret(env));
    if (!done) {
      throw new AppError(
        "not_found",
        "This unsubscribe link is not valid. Manage your email alerts from your account page.",
      );
    }
    return new Response("You are unsubscribed from Daily Insight email alerts.\n", {
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
