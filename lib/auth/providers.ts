import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { enabledOAuthProviders, type OAuthEnv } from "./oauth-options";

export { enabledOAuthProviders, type OAuthProviderOption } from "./oauth-options";

export function oauthProviders(source: OAuthEnv): Provider[] {
  return enabledOAuthProviders(source).map(({ id }) =>
    id === "github"
      ? GitHub({ clientId: source.AUTH_GITHUB_ID, clientSecret: source.AUTH_GITHUB_SECRET })
      : Google({ clientId: source.AUTH_GOOGLE_ID, clientSecret: source.AUTH_GOOGLE_SECRET }),
  );
}
