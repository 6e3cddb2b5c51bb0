// `npm run db:migrate`: applies the migrations to the database the app would use (DATABASE_URL,
// else PGLITE_DATA_DIR), reading .env.local as the app does.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  DatabaseSetupError,
  describePostgresUrl,
  migratePglite,
  migratePostgres,
  openPglite,
} from "../lib/db/migrate.ts";
import { parseEnv } from "../lib/env-schema.ts";

async function main(): Promise<void> {
  const envFile = path.join(process.cwd(), ".env.local");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const env = parseEnv(process.env);
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
    try {
      await migratePostgres(pool);
      console.log(`db: migrated Postgres at ${describePostgresUrl(env.DATABASE_URL)}`);
    } finally {
      await pool.end();
    }
  } else {
    const client = await openPglite(env.PGLITE_DATA_DIR);
    try {
      await migratePglite(client);
      console.log(`db: migrated PGlite in ${path.resolve(env.PGLITE_DATA_DIR)}`);
    } finally {
      await client.close();
    }
  }
}

main().catch((error: unknown) => {
  // A setup problem is the reader's to fix: its message says how; a stack trace would not.
  console.error(error instanceof DatabaseSetupError ? error.message : error);
  process.exit(1);
});
