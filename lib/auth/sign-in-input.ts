import { z } from "zod";

// Input of the sign-in forms, checked on the server whatever the browser did.

export const EMAIL_MAX_LENGTH = 254;
export const DEFAULT_CALLBACK_PATH = "/account";

/**
 * Where to go after signing in: a path on this site only. Anything else (another origin,
 * a protocol-relative `//host`, a backslash trick) falls back to the account page.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return DEFAULT_CALLBACK_PATH;
  if (value.startsWith("//") || value.includes("\\")) return DEFAULT_CALLBACK_PATH;
  const url = new URL(value, "http://site.invalid");
  if (url.origin !== "http://site.invalid") return DEFAULT_CALLBACK_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

export const emailSignInSchema = z.object({
  email: z
    .string("Enter your email address.")
    .trim()
    .min(1, "Enter your email address.")
    .max(EMAIL_MAX_LENGTH, "That email address is too long.")
    .pipe(z.email("Enter an email address like name@example.com.")),
  callbackUrl: z.unknown().optional().transform(safeCallbackPath),
});

export const oauthSignInSchema = z.object({
  provider: z.enum(["github", "google"]),
  callbackUrl: z.unknown().optional().transform(safeCallbackPath),
});

export type EmailSignInInput = z.infer<typeof emailSignInSchema>;
