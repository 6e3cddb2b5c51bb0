import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { chromiumFlags, chromiumPath } from "./tests/chromium.ts";
import { siteUrl } from "./tests/e2e/env.ts";

const isCI = Boolean(process.env.CI);

// This run's secrets (tests/e2e/env.ts), random so that a test can look for them where they
// must never be, such as the build cache. Set before the web server and the workers start, so
// every process of the run shares them.
for (const name of ["E2E_LAKE_TOKEN", "E2E_WEBHOOK_SECRET", "E2E_AUTH_SECRET"]) {
  process.env[name] ??= randomBytes(32).toString("base64url");
}

const chromium = { executablePath: chromiumPath, args: chromiumFlags };

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: siteUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ignoreHTTPSErrors: true,
    launchOptions: chromium,
  },
  projects: [
    // Signs a reader in once through the real emailed link and saves the storage state that
    // specs needing someone signed in start from (tests/e2e/readers.ts).
    {
      name: "setup",
      testMatch: /\.setup\.ts$/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
    },
  ],
  webServer: {
    command: "node tests/e2e/serve.ts",
    url: `${siteUrl}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
