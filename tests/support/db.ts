// Real databases for tests, each a private copy of a migrated template made once per run by
// db-global-setup.ts: PGlite in memory, loaded from the template's dump; on the Postgres
// server, a database created from the template database and dropped by close().
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { randomBytes } from "node:crypto";
import { openAsBlob } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import * as schema from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { JobStore } from "@/lib/jobs/queue";
import { assertLocalDatabaseUrl, withDatabase } from "./db-guard";

export type TestDbKind = "pglite" | "postgres";
export const testDbKinds: readonly TestDbKind[] = ["pglite", "postgres"];

export interface TestDb {
  db: Db;
  /** The same database for the job queue (lib/jobs/queue.ts). */
  store: JobStore;
  close(): Promise<void>;
}

export async function openTestDb(kind: TestDbKind): Promise<TestDb> {
  return kind === "pglite" ? openPgliteCopy() : openPostgresCopy();
}

async function openPgliteCopy() {
  const template = inject("pgliteTemplate");
  if (!template) throw new Error("tests/support/db-global-setup.ts is not a globalSetup here");
  const client = await PGlite.create({ loadDataDir: await openAsBlob(template) });
  return {
    db: drizzlePglite({ client, schema }),
    store: { kind: "pglite" as const, client },
    close: () => client.close(),
  };
}

async function openPostgresCopy() {
  const template = inject("postgresTemplate");
  if (!template) throw new Error("tests/support/db-global-setup.ts is not a globalSetup here");
  if ("error" in template) throw new Error(template.error);
  assertLocalDatabaseUrl(template.baseUrl);

  const name = `${template.template}_${randomBytes(4).toString("hex")}`;
  await admin(template.baseUrl, `create database "${name}" template "${template.template}"`);
  const connectionString = withDatabase(template.baseUrl, name);
  const pool = new pg.Pool({ connectionString, max: 4 });
  let closing = false;
  pool.on("error", (error) => {
    // `drop database … with (force)` ends connections pg may not have closed yet.
    if (!closing) console.error("test db: idle connection failed", error);
  });
  return {
    db: drizzleNodePostgres({ client: pool, schema }),
    store: { kind: "postgres" as const, connectionString },
    async close() {
      closing = true;
      await pool.end();
      await admin(template.baseUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// lib/db/client.ts keeps the process's one database in these slots (one per process however
// many bundles import it), and lib/jobs/server.ts its job queue; a test hands route handlers
// and proxy.ts its own copy through them.
const processDbSlot = Symbol.for("daily-insight.db");
const processStoreSlot = Symbol.for("daily-insight.db-store");
const processJobsSlot = Symbol.for("daily-insight.jobs");
type ProcessSlots = {
  [processDbSlot]?: Promise<Db>;
  [processStoreSlot]?: JobStore;
  [processJobsSlot]?: Promise<{ stop(options: object): Promise<void> }>;
};

/** Makes the test database the one getDb() (and the job queue) use in this process; returns
 * what puts things back, stopping a job queue opened on it meanwhile. */
export function useAsProcessDb({ db, store }: Pick<TestDb, "db" | "store">): () => Promise<void> {
  const holder = globalThis as ProcessSlots;
  holder[processDbSlot] = Promise.resolve(db);
  holder[processStoreSlot] = store;
  return async () => {
    const jobs = holder[processJobsSlot];
    delete holder[processDbSlot];
    delete holder[processStoreSlot];
    delete holder[processJobsSlot];
    const boss = await jobs?.catch(() => undefined);
    await boss?.stop({ graceful: false, close: true });
  };
}
