import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { enabledOAuthProviders, oauthProviders } = await import("@/lib/auth/providers");

const none = {
  AUTH_GITHUB_ID: undefined,
  AUTH_GITHUB_SECRET: undefined,
  AUTH_GOOGLE_ID: undefined,
  AUTH_GOOGLE_SECRET: undefined,
};

describe("OAuth providers", () => {
  it("offers GitHub and Google only when both of their variables are set", () => {
    expect(enabledOAuthProviders(none)).toEqual([]);
    expect(enabledOAuthProviders({ ...none, AUTH_GITHUB_ID: "id" })).toEqual([]);
    expect(enabledOAuthProviders({ ...none, AUTH_GOOGLE_SECRET: "secret" })).toEqual([]);
    expect(
      enabledOAuthProviders({ ...none, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" }),
    ).toEqual([{ id: "github", name: "GitHub", origin: "https://github.com" }]);
  });

  it("passes each provider its own client id and secret", () => {
    const providers = oauthProviders({
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_GOOGLE_ID: "g-id",
      AUTH_GOOGLE_SECRET: "g-secret",
    });
    const configs = providers.map((provider) =>
      typeof provider === "function" ? provider() : provider,
    );
    expect(
      configs.map((config) => [config.id, config.options?.clientId, config.options?.clientSecret]),
    ).toEqual([
      ["github", "gh-id", "gh-secret"],
      ["google", "g-id", "g-secret"],
    ]);
  });
});
