import "server-only";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import path from "node:path";
import { Pool } from "pg";
import * as schema from "@/drizzle/schema";
import { env } from "./env";

// One Drizzle API over two drivers: DATABASE_URL → a Postgres server through `pg`; unset →
// PGlite (Postgres in WebAssembly) in a local folder. PGlite allows one process per folder,
// which is what `npm run dev` / `npm start` are. Tables come from the migrations only
// (drizzle/migrate.ts at start-up and `npm run db:migrate`), never from a request.
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

let database: Promise<Db> | undefined;

export function getDb(): Promise<Db> {
  database ??= openDatabase();
  return database;
}

async function openDatabase(): Promise<Db> {
  if (env.DATABASE_URL) {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
    return drizzleNodePostgres({ client: pool, schema });
  }
  const client = await PGlite.create(path.resolve(env.PGLITE_DATA_DIR));
  return drizzlePglite({ client, schema });
}
