// Vitest globalSetup: prepares the migrated templates every test database is copied from, once
// per run, so a test file opens a ready database in a fraction of a second instead of creating
// and migrating one (a fresh PGlite takes seconds here).
import { PGlite } from "@electric-sql/pglite";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migratePglite, migratePostgres, migrationsFolder } from "@/lib/db/migrate";
import { testDatabaseUrl, withDatabase } from "./db-guard";

export type PostgresTemplate = { baseUrl: string; template: string } | { error: string };

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: PostgresTemplate;
  }
}

export default async function setup(project: TestProject) {
  project.provide("pgliteTemplate", await pgliteTemplate());
  const postgres = await postgresTemplate();
  project.provide("postgresTemplate", postgres);
  return async () => {
    if ("template" in postgres) await dropTemplate(postgres.baseUrl, postgres.template);
  };
}

// The PGlite template is a pure function of the migrations and the PGlite version, so it is
// kept under that hash and rebuilt only when either changes.
async function pgliteTemplate(): Promise<string> {
  const hash = createHash("sha256");
  const pglite = await readFile(path.join("node_modules/@electric-sql/pglite/package.json"));
  hash.update(pglite);
  for (const file of (await readdir(migrationsFolder, { recursive: true })).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json"))
      hash.update(file).update(await readFile(path.join(migrationsFolder, file)));
  }
  const dir = path.resolve(".data/test-templates");
  const file = path.join(dir, `pglite-${hash.digest("hex").slice(0, 16)}.tar`);
  if (existsSync(file)) return file;

  await mkdir(dir, { recursive: true });
  const client = await PGlite.create();
  try {
    await migratePglite(client);
    const dump = await client.dumpDataDir("none");
    // Written aside and renamed, so a parallel run never reads half a file.
    const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await client.close();
  }
  return file;
}

// An unreachable server is not a reason to skip: openTestDb("postgres") throws this message,
// so every Postgres test fails loudly while tests that need no database still run.
async function postgresTemplate(): Promise<PostgresTemplate> {
  let baseUrl: string;
  try {
    baseUrl = testDatabaseUrl();
  } catch (error) {
    return { error: (error as Error).message };
  }
  const template = `di_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  try {
    await admin.connect();
    await admin.query(`create database "${template}"`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    return {
      error:
        `The Postgres server for tests is unreachable at ${baseUrl}: ${(error as Error).message}. ` +
        "Start it (CI does: .ci/run) or set TEST_DATABASE_URL to a local server.",
    };
  }
  await admin.end();
  const pool = new pg.Pool({ connectionString: withDatabase(baseUrl, template), max: 1 });
  try {
    await migratePostgres(pool);
  } finally {
    await pool.end();
  }
  return { baseUrl, template };
}

async function dropTemplate(baseUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    // Copies left behind by a test file that crashed before its close() share the prefix.
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname = $1 or starts_with(datname, $2)",
      [template, `${template}_`],
    );
    for (const { datname } of rows)
      await admin.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}
