import { signInPath } from "@/lib/routes";

// What the /signin page says for each `?error=` it can be sent back with: Auth.js's own error
// types (pages.error points at /signin) and our RateLimited. Unknown codes get the generic line.

export const RATE_LIMITED = "RateLimited";

export type RateLimitScope = "address" | "ip";

/** The path a refused magic-link request is sent back to. */
export function rateLimitedPath(scope: RateLimitScope, retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const params = new URLSearchParams({ error: RATE_LIMITED, limit: scope, retry: String(minutes) });
  return `${signInPath}?${params}`;
}

export interface SignInErrorParams {
  error?: string | undefined;
  limit?: string | undefined;
  retry?: string | undefined;
}

export function signInErrorMessage({ error, limit, retry }: SignInErrorParams): string | undefined {
  if (!error) return undefined;
  switch (error) {
    case RATE_LIMITED: {
      const minutes = Number.parseInt(retry ?? "", 10);
      const wait =
        Number.isFinite(minutes) && minutes > 0
          ? `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`
          : "Try again later.";
      return limit === "ip"
        ? `Too many sign-in links requested from this network. ${wait}`
        : `Too many sign-in links requested for this address. ${wait}`;
    }
    case "Verification":
      return "That sign-in link has expired or has already been used. Request a new one below.";
    case "AccessDenied":
      return "That sign-in was refused. Try again, or use another way to sign in.";
    case "OAuthAccountNotLinked":
      return "That email address already signs in another way. Use the way you signed in before.";
    case "OAuthCallbackError":
    case "OAuthSignin":
    case "OAuthCallback":
      return "Signing in with that provider did not work. Please try again.";
    default:
      return "Sign-in is not available right now. Please try again in a moment.";
  }
}

/** The error parameters of an Auth.js redirect back to /signin, or undefined for any other URL. */
export function signInErrorFromRedirect(target: string): SignInErrorParams | undefined {
  const url = new URL(target, "http://localhost");
  if (url.pathname !== signInPath || !url.searchParams.has("error")) return undefined;
  return {
    error: url.searchParams.get("error") ?? undefined,
    limit: url.searchParams.get("limit") ?? undefined,
    retry: url.searchParams.get("retry") ?? undefined,
  };
}
