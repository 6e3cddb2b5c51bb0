// Benchmarks of the reader database: watching and unwatching a ticker (addToWatchlist and
// removeFromWatchlist, the queries behind the star toggle) on the Postgres server and on
// PGlite, each beside a `select 1` round trip on the same driver in the same run.
import "./app-modules.ts";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { migratePglite, migratePostgres, openPglite } from "../../lib/db/migrate.ts";
import * as schema from "../../drizzle/schema.ts";
import type { Db } from "../../lib/db/client.ts";
import { testDatabaseUrl, withDatabase } from "../support/db-guard.ts";
import { median, type Figure, type SuiteResult } from "./figure.ts";

const { addToWatchlist, removeFromWatchlist } = await import("../../lib/watchlists/items.ts");
const { createWatchlist } = await import("../../lib/watchlists/lists.ts");

/** The bound on a watch or unwatch on Postgres. */
const BUDGET_MS = 15;
const RUNS = 300;

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(db: Db, driver: string): Promise<Figure[]> {
  const userId = randomUUID();
  await db.insert(schema.users).values({ id: userId, email: `bench-${userId}@example.com` });
  const list = await createWatchlist(db, userId, "Bench");
  // A list of realistic size, so the limit check counts something.
  for (let n = 0; n < 50; n++) await addToWatchlist(db, userId, list.id, `H${n}`);

  const roundTrip: number[] = [];
  const watch: number[] = [];
  const unwatch: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const symbol = `B${i % 20}`;
    const samples = [
      await time(() => db.execute(sql`select 1`)),
      await time(() => addToWatchlist(db, userId, list.id, symbol)),
      await time(() => removeFromWatchlist(db, userId, list.id, symbol)),
    ];
    // The first runs warm up connections, prepared plans and the JIT.
    if (i < 10) continue;
    roundTrip.push(samples[0]!);
    watch.push(samples[1]!);
    unwatch.push(samples[2]!);
  }
  const baseline = median(roundTrip);
  const figure = (name: string, samples: number[]): Figure => {
    const value = median(samples);
    return {
      name: `${name} p50 on ${driver}`,
      value,
      baseline,
      unit: "ms",
      budget: `≤ ${BUDGET_MS} ms; baseline select 1 round trip`,
      within: value <= BUDGET_MS,
    };
  };
  return [
    figure("watch (addToWatchlist)", watch),
    figure("unwatch (removeFromWatchlist)", unwatch),
  ];
}

async function onPostgres(): Promise<Figure[]> {
  const baseUrl = testDatabaseUrl();
  const name = `di_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
    const pool = new pg.Pool({ connectionString: withDatabase(baseUrl, name), max: 10 });
    try {
      await migratePostgres(pool);
      return await measure(drizzleNodePostgres({ client: pool, schema }), "Postgres");
    } finally {
      await pool.end();
    }
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function onPglite(): Promise<Figure[]> {
  // On disk, as the app runs it.
  const dir = await mkdtemp(path.join(os.tmpdir(), "pglite-bench-"));
  const client = await openPglite(dir);
  try {
    await migratePglite(client);
    return await measure(drizzlePglite({ client, schema }), "PGlite");
  } finally {
    await client.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchDb(): Promise<SuiteResult> {
  const figures = [...(await onPostgres()), ...(await onPglite())];
  return {
    figures,
    notes: [
      `Postgres: ${testDatabaseUrl().replace(/\/\/[^@]*@/, "//")} (TEST_DATABASE_URL), a fresh database per run.`,
      `The issue's budget (≤ ${BUDGET_MS} ms) is for Postgres; PGlite is shown against the same bound.`,
    ],
  };
}
