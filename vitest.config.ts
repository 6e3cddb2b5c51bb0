import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "packages/*/tests/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start their own lake processes on free ports; files run in parallel.
    pool: "forks",
    // Migrated PGlite and Postgres templates that tests/support/db.ts copies per test file.
    globalSetup: ["tests/support/db-global-setup.ts"],
    // next-auth imports `next/server` without an extension, which Node's ESM loader cannot
    // resolve; inlined, Vite resolves it as Next's own bundler does.
    server: { deps: { inline: ["next-auth"] } },
  },
  resolve: {
    alias: { "@": new URL(".", import.meta.url).pathname },
  },
});
