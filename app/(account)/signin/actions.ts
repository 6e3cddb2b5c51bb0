"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { enabledOAuthProviders, signIn } from "@/lib/auth";
import { env } from "@/lib/env";
import { emailSignInSchema, oauthSignInSchema } from "@/lib/auth/sign-in-input";
import { signInErrorFromRedirect, signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { signInPath } from "@/lib/routes";

export interface EmailSignInState {
  status: "idle" | "invalid" | "refused";
  /** What the reader typed, so a refused form keeps it. */
  email: string;
  fieldError?: string;
  message?: string;
}

/**
 * Asks Auth.js for a magic link. The rate limit and the token live behind signIn() (the
 * signIn callback in lib/auth/config.ts); a refusal comes back as a redirect to /signin?error=…,
 * which is turned into a message here so the form keeps its state.
 */
export async function requestSignInLink(
  _previous: EmailSignInState,
  formData: FormData,
): Promise<EmailSignInState> {
  // Anyone can call an action with any arguments, not only our form.
  if (!(formData instanceof FormData)) {
    return { status: "invalid", email: "", fieldError: "Enter your email address." };
  }
  const typed = String(formData.get("email") ?? "").slice(0, 320);
  const input = emailSignInSchema.safeParse({
    email: formData.get("email"),
    callbackUrl: formData.get("callbackUrl"),
  });
  if (!input.success) {
    const fieldError = input.error.issues.find((issue) => issue.path[0] === "email")?.message;
    return {
      status: "invalid",
      email: typed,
      fieldError: fieldError ?? "Check your email address.",
    };
  }

  let target: string;
  try {
    target = await signIn("nodemailer", {
      email: input.data.email,
      redirectTo: input.data.callbackUrl,
      redirect: false,
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    console.error(error);
    return { status: "refused", email: typed, message: signInErrorMessage({ error: error.type }) };
  }

  const refused = signInErrorFromRedirect(target);
  if (refused) return { status: "refused", email: typed, message: signInErrorMessage(refused) };
  const url = new URL(target);
  redirect(`${url.pathname}${url.search}`);
}

/** Starts GitHub or Google sign-in; only providers whose variables are set are accepted. */
export async function signInWithProvider(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) redirect(signInPath);
  const input = oauthSignInSchema.safeParse({
    provider: formData.get("provider"),
    callbackUrl: formData.get("callbackUrl"),
  });
  const enabled = enabledOAuthProviders(env).map((provider) => provider.id);
  if (!input.success || !enabled.includes(input.data.provider)) redirect(signInPath);
  await signIn(input.data.provider, { redirectTo: input.data.callbackUrl });
}
