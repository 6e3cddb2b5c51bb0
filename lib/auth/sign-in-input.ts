import { z } from "zod";
import { accountPath } from "@/lib/routes";

// Input of the sign-in forms, checked on the server whatever the browser did.

export const EMAIL_MAX_LENGTH = 254;
export const DEFAULT_CALLBACK_PATH = accountPath;
/** Where a callbackUrl that is not a path on this site sends the reader instead. */
export const UNSAFE_CALLBACK_PATH = "/";

/**
 * Where to go after signing in: a path on this site only. None given → the account page;
 * anything that is not a same-origin path (another origin, `javascript:`, a protocol-relative
 * `//host` however it is spelt: `/\host`, `/\thost`, `/.//host`) → the home page.
 */
export function safeCallbackPath(value: unknown): string {
  if (value === undefined || value === null || value === "") return DEFAULT_CALLBACK_PATH;
  if (typeof value !== "string" || !value.startsWith("/")) return UNSAFE_CALLBACK_PATH;
  // Browsers drop tabs and newlines from URLs and read `\` as `/`: refuse them outright rather
  // than guess what a browser will make of them.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return UNSAFE_CALLBACK_PATH;
  let url: URL;
  try {
    url = new URL(value, "http://site.invalid");
  } catch {
    return UNSAFE_CALLBACK_PATH;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Resolving dot segments can itself produce `//host` (`/.//evil.example`).
  if (url.origin !== "http://site.invalid" || path.startsWith("//")) return UNSAFE_CALLBACK_PATH;
  return path;
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
