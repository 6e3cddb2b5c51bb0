import "server-only";
import { NextRequest } from "next/server";
import { safeCallbackPath } from "./sign-in-input";

// Auth.js answers 500 (InvalidCallbackUrl, "a problem with the server configuration") when the
// callbackUrl query parameter or the callback-url cookie is not a URL it can parse, and both
// come from the client. Before its handler sees them, each is replaced by a path on this site
// (lib/auth/sign-in-input.ts), so a mangled magic link still signs the reader in.

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** Auth.js's own test (@auth/core lib/utils/assert.js isValidHttpUrl). */
function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** The request, or a copy whose callbackUrl parameter and cookie Auth.js can read. */
export function withReadableCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  let changed = false;
  const param = url.searchParams.get("callbackUrl");
  if (param !== null && !isHttpUrl(param, url.origin)) {
    url.searchParams.set("callbackUrl", safeCallbackPath(param));
    changed = true;
  }
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) {
    const kept = cookie
      .split(";")
      .filter((pair) => {
        const [name = "", ...rest] = pair.split("=");
        if (!CALLBACK_COOKIES.includes(name.trim())) return true;
        let value = rest.join("=").trim();
        try {
          value = decodeURIComponent(value);
        } catch {
          return false;
        }
        return isHttpUrl(value, url.origin);
      })
      .join(";");
    if (kept !== cookie) {
      headers.set("cookie", kept);
      changed = true;
    }
  }
  if (!changed) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, {
    method: request.method,
    headers,
    body: hasBody ? request.body : null,
    ...(hasBody ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}
