import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL migrations from drizzle/schema.ts; both drivers (the
// Postgres server and PGlite) apply the same files through lib/db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./drizzle/schema.ts",
  out: "./drizzle/migrations",
  strict: true,
});
