import "server-only";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { migratePglite, migratePostgres, openPglite } from "@/lib/db/migrate";
import * as schema from "@/drizzle/schema";
import { env } from "@/lib/env";
import type { JobStore } from "@/lib/jobs/queue";

// One Drizzle API over two drivers: DATABASE_URL → a Postgres server through `pg`; unset →
// PGlite (Postgres in WebAssembly) in a local folder. PGlite allows one process per folder,
// which is what `npm run dev` / `npm start` are. Tables come from the migrations only, applied
// when the database is first opened — at start-up, by instrumentation.ts — never per request.
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

// Next.js bundles instrumentation.ts and each route separately, so a module-level variable
// would exist once per bundle; the process-wide slot keeps one pool / one PGlite instance.
const slot = Symbol.for("daily-insight.db");
const storeSlot = Symbol.for("daily-insight.db-store");
type Slot = { [slot]?: Promise<Db>; [storeSlot]?: JobStore };

export function getDb(): Promise<Db> {
  const holder = globalThis as Slot;
  holder[slot] ??= openDatabase().catch((error: unknown) => {
    delete holder[slot];
    throw error;
  });
  return holder[slot];
}

/** The same database for the job queue (lib/jobs): PGlite allows one client per folder. */
export async function getJobStore(): Promise<JobStore> {
  await getDb();
  const store = (globalThis as Slot)[storeSlot];
  if (!store) throw new Error("The database was opened without recording its job store");
  return store;
}

async function openDatabase(): Promise<Db> {
  if (env.NEXT_PHASE === "phase-production-build") {
    // Build workers run in parallel; opening the PGlite folder from several is corruption.
    throw new Error(
      "The reader database is not available during `next build`; read it only in dynamic code.",
    );
  }
  if (env.DATABASE_URL) {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
    // An idle connection dropped by the server must not take the process down with it.
    pool.on("error", (error) => console.error("db: idle Postgres connection failed", error));
    await migratePostgres(pool).catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    (globalThis as Slot)[storeSlot] = { kind: "postgres", connectionString: env.DATABASE_URL };
    return drizzleNodePostgres({ client: pool, schema });
  }
  const client = await openPglite(env.PGLITE_DATA_DIR);
  await migratePglite(client).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  (globalThis as Slot)[storeSlot] = { kind: "pglite", client };
  return drizzlePglite({ client, schema });
}
