import type { Env } from "@/lib/env-schema";

// Which OAuth providers sign-in offers, from their variables alone: no secrets leave here, so
// the page, the server actions and next.config (for the CSP's form-action) can all ask.

export type OAuthEnv = Pick<
  Env,
  "AUTH_GITHUB_ID" | "AUTH_GITHUB_SECRET" | "AUTH_GOOGLE_ID" | "AUTH_GOOGLE_SECRET"
>;

export interface OAuthProviderOption {
  id: "github" | "google";
  name: string;
  /** Where the provider's sign-in page lives, which a sign-in form redirects to. */
  origin: string;
}

/** GitHub and Google are offered only when both of their variables are set. */
export function enabledOAuthProviders(source: OAuthEnv): OAuthProviderOption[] {
  const enabled: OAuthProviderOption[] = [];
  if (source.AUTH_GITHUB_ID && source.AUTH_GITHUB_SECRET)
    enabled.push({ id: "github", name: "GitHub", origin: "https://github.com" });
  if (source.AUTH_GOOGLE_ID && source.AUTH_GOOGLE_SECRET)
    enabled.push({ id: "google", name: "Google", origin: "https://accounts.google.com" });
  return enabled;
}
