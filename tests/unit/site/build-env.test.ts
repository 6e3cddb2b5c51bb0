import { describe, expect, it } from "vitest";
import { dropSecrets, isSecretVariable } from "@/lib/build-env";

// What `next build` runs without (next.config.ts): the e2e suite checks the build cache itself
// (tests/e2e/hardening.spec.ts); this is the rule.

describe("the build's environment", () => {
  it("loses this project's secrets and anything named or shaped like one", () => {
    const env: NodeJS.ProcessEnv = {
      AUTH_SECRET: "a",
      SANITY_API_WRITE_TOKEN: "b",
      SANITY_API_READ_TOKEN: "c",
      SANITY_WEBHOOK_SECRET: "d",
      EMAIL_SERVER: "smtp://user:pass@smtp.example.com:587",
      DATABASE_URL: "postgres://u:p@db/x",
      AUTH_GITHUB_SECRET: "e",
      GITHUB_TOKEN: "f",
      AWS_SECRET_ACCESS_KEY: "g",
      SOME_SERVICE: "https://user:hunter2@svc.example",
      SITE_URL: "https://insight.example",
      SANITY_PROJECT_ID: "abc123",
      NEXT_PUBLIC_SANITY_API_HOST: "https://localhost:3999",
      NODE_ENV: "production",
      PATH: "/usr/bin",
      AUTH_GITHUB_ID: "client-id",
    };
    const removed = dropSecrets(env);
    expect(removed.sort()).toEqual(
      [
        "AUTH_GITHUB_SECRET",
        "AUTH_SECRET",
        "AWS_SECRET_ACCESS_KEY",
        "DATABASE_URL",
        "EMAIL_SERVER",
        "GITHUB_TOKEN",
        "SANITY_API_READ_TOKEN",
        "SANITY_API_WRITE_TOKEN",
        "SANITY_WEBHOOK_SECRET",
        "SOME_SERVICE",
      ].sort(),
    );
    expect(Object.keys(env).sort()).toEqual(
      [
        "AUTH_GITHUB_ID",
        "NEXT_PUBLIC_SANITY_API_HOST",
        "NODE_ENV",
        "PATH",
        "SANITY_PROJECT_ID",
        "SITE_URL",
      ].sort(),
    );
  });

  it("keeps what the browser is given anyway", () => {
    expect(isSecretVariable("NEXT_PUBLIC_SANITY_PROJECT_ID", "abc")).toBe(false);
    expect(isSecretVariable("DATABASE_URL", undefined)).toBe(true);
    expect(isSecretVariable("LAKE_HOST", "127.0.0.1")).toBe(false);
  });
});
