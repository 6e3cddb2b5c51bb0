import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  DatabaseSetupError,
  migratePglite,
  migratePostgres,
  migrationsFolder,
  openPglite,
} from "@/lib/db/migrate";
import { assertLocalDatabaseUrl, testDatabaseUrl, withDatabase } from "../../support/db-guard";

const journal = JSON.parse(
  await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
) as { entries: unknown[] };
const TABLES = [
  "accounts",
  "alert_settings",
  "email_messages",
  "post_announcements",
  "rate_limit_hits",
  "reader_post_alerts",
  "sessions",
  "users",
  "verification_tokens",
  "watchlist_items",
  "watchlists",
  "webhook_deliveries",
];
const tablesQuery =
  "select table_name from information_schema.tables where table_schema = 'public' order by 1";
const appliedQuery = "select count(*)::int as n from drizzle.__drizzle_migrations";

describe("migrations on PGlite", () => {
  const cleanup: string[] = [];
  afterAll(() => Promise.all(cleanup.map((dir) => rm(dir, { recursive: true, force: true }))));

  // Two PGlite folders created on disk and migrated: slow on a loaded 2-core machine.
  it(
    "create a missing data folder, apply once, and are a no-op when run again",
    { timeout: 90_000 },
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), "pglite-migrate-"));
      cleanup.push(root);
      const dataDir = path.join(root, "nested", "pglite");
      let client = await openPglite(dataDir);
      await migratePglite(client);
      await migratePglite(client);
      await client.close();
      // Reopened, as the next start-up would.
      client = await openPglite(dataDir);
      try {
        await migratePglite(client);
        const tables = await client.query<{ table_name: string }>(tablesQuery);
        expect(tables.rows.map((row) => row.table_name)).toEqual(TABLES);
        const applied = await client.query<{ n: number }>(appliedQuery);
        expect(applied.rows[0]?.n).toBe(journal.entries.length);
      } finally {
        await client.close();
      }
    },
  );
});

describe("migrations on Postgres", () => {
  const baseUrl = testDatabaseUrl();
  const name = `di_migrate_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  afterAll(() => admin(`drop database if exists "${name}" with (force)`));

  it("apply once when several instances start together, and again is a no-op", async () => {
    await admin(`create database "${name}"`);
    const pools = [1, 2, 3].map(() => {
      const pool = new pg.Pool({ connectionString: withDatabase(baseUrl, name), max: 2 });
      // `drop database … with (force)` in afterAll can reach a connection pg is still closing;
      // the server's "terminating connection" then arrives as an idle-client error.
      pool.on("error", (error: Error & { code?: string }) => {
        if (error.code !== "57P01") console.error("migrate test: idle connection failed", error);
      });
      return pool;
    });
    try {
      await Promise.all(pools.map((pool) => migratePostgres(pool)));
      await migratePostgres(pools[0]!);
      const tables = await pools[0]!.query<{ table_name: string }>(tablesQuery);
      expect(tables.rows.map((row) => row.table_name)).toEqual(TABLES);
      const applied = await pools[0]!.query<{ n: number }>(appliedQuery);
      expect(applied.rows[0]?.n).toBe(journal.entries.length);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it("say which server could not be reached and what to check, without the password", async () => {
    const url = "postgres://reader:s3cret@127.0.0.1:1/app";
    const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000 });
    try {
      const failure = await migratePostgres(pool).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(DatabaseSetupError);
      const { message } = failure as DatabaseSetupError;
      expect(message).toContain("Cannot connect to the Postgres server at 127.0.0.1:1/app");
      expect(message).toContain("Check that the server is running");
      expect(message).not.toContain("s3cret");
    } finally {
      await pool.end();
    }
  });
});

describe("the test database guard", () => {
  it.each([
    "postgres://root@127.0.0.1:5432/test",
    "postgres://root@localhost/test",
    "postgresql://root@[::1]:5432/test",
    "postgres:///test?host=/var/run/postgresql",
  ])("allows %s", (url) => {
    expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
  });

  it.each([
    "postgres://root@db.example.com:5432/test",
    "postgres://root@10.0.0.5/test",
    "postgres://root@127.0.0.1.example.com/test",
    "postgres:///test?host=db.example.com",
  ])("refuses %s", (url) => {
    expect(() => assertLocalDatabaseUrl(url)).toThrow(/Refusing to run tests against/);
  });
});
