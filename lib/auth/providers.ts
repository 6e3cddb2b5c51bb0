import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { Env } from "@/lib/env-schema";

type OAuthEnv = Pick<
  Env,
  "AUTH_GITHUB_ID" | "AUTH_GITHUB_SECRET" | "AUTH_GOOGLE_ID" | "AUTH_GOOGLE_SECRET"
>;

export interface OAuthProviderOption {
  id: "github" | "google";
  name: string;
}

/** GitHub and Google are offered only when both of their variables are set. */
export function enabledOAuthProviders(source: OAuthEnv): OAuthProviderOption[] {
  const enabled: OAuthProviderOption[] = [];
  if (source.AUTH_GITHUB_ID && source.AUTH_GITHUB_SECRET)
    enabled.push({ id: "github", name: "GitHub" });
  if (source.AUTH_GOOGLE_ID && source.AUTH_GOOGLE_SECRET)
    enabled.push({ id: "google", name: "Google" });
  return enabled;
}

export function oauthProviders(source: OAuthEnv): Provider[] {
  return enabledOAuthProviders(source).map(({ id }) =>
    id === "github"
      ? GitHub({ clientId: source.AUTH_GITHUB_ID, clientSecret: source.AUTH_GITHUB_SECRET })
      : Google({ clientId: source.AUTH_GOOGLE_ID, clientSecret: source.AUTH_GOOGLE_SECRET }),
  );
}
