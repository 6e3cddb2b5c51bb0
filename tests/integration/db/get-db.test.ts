import { sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { testDatabaseUrl, withDatabase } from "../../support/db-guard";

vi.mock("server-only", () => ({}));

// lib/db/client.ts as the app uses it: configured by the environment, migrated when first opened, one
// instance per process however many bundles import it.
const slot = Symbol.for("daily-insight.db");
const holder = globalThis as { [slot]?: Promise<Db> };

async function freshGetDb(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return (await import("@/lib/db/client")).getDb;
}

const root = await mkdtemp(path.join(os.tmpdir(), "get-db-"));
afterAll(() => rm(root, { recursive: true, force: true }));

type OpenClient = { $client: { close?(): Promise<void>; end?(): Promise<void> } };

/** Closes whatever getDb() opened in this process and forgets it. */
async function closeOpenDb(): Promise<void> {
  const open = holder[slot];
  delete holder[slot];
  const db = (await open?.catch(() => undefined)) as unknown as OpenClient | undefined;
  await (db?.$client.close?.() ?? db?.$client.end?.());
}

afterEach(async () => {
  await closeOpenDb();
  vi.unstubAllEnvs();
});

describe("getDb", () => {
  it("never opens the database inside `next build`", async () => {
    const dataDir = path.join(root, "during-build");
    const getDb = await freshGetDb({
      NEXT_PHASE: "phase-production-build",
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dataDir,
    });
    await expect(getDb()).rejects.toThrow("not available during `next build`");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("opens PGlite in a new folder, migrated, once per process", async () => {
    const dataDir = path.join(root, "missing", "pglite");
    const getDb = await freshGetDb({ NEXT_PHASE: "", DATABASE_URL: "", PGLITE_DATA_DIR: dataDir });
    const db = await getDb();
    expect(await db.execute(sql`select count(*)::int as n from watchlists`)).toMatchObject({
      rows: [{ n: 0 }],
    });
    // Another bundle's copy of lib/db/client.ts (as instrumentation.ts and each route are) shares it.
    const getDbFromAnotherBundle = await freshGetDb({});
    expect(await getDbFromAnotherBundle()).toBe(db);
  });

  it("opens the Postgres server of DATABASE_URL, migrated", async () => {
    const baseUrl = testDatabaseUrl();
    const name = `di_getdb_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    await admin(`create database "${name}"`);
    try {
      const getDb = await freshGetDb({ NEXT_PHASE: "", DATABASE_URL: withDatabase(baseUrl, name) });
      const db = await getDb();
      expect(await db.execute(sql`select count(*)::int as n from watchlist_items`)).toMatchObject({
        rows: [{ n: 0 }],
      });
    } finally {
      await closeOpenDb();
      await admin(`drop database if exists "${name}" with (force)`);
    }
  });
});
