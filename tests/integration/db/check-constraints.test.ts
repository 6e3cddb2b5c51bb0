import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYMBOL_PATTERN } from "@/lib/content/symbols";
import { MAX_NOTE_LENGTH, MAX_WATCHLIST_NAME_LENGTH } from "@/lib/watchlists/rules";
import { openTestDb, testDbKinds, type TestDb } from "../../support/db";

// drizzle/schema.ts stands alone (drizzle-kit reads it without the app), so its CHECK
// constraints spell the app's limits as literals. Read back from a migrated database, they must
// say what lib/watchlists/rules.ts and lib/content/symbols.ts say: the database then refuses
// nothing the app accepts, and accepts nothing the app refuses.

async function checkClause(handle: TestDb, name: string): Promise<string> {
  // Both drivers (PGlite, node-postgres) answer with { rows }.
  const result = (await handle.db.execute(
    sql`select pg_get_constraintdef(oid) as definition from pg_constraint where conname = ${name}`,
  )) as { rows: Array<{ definition: string }> };
  const definition = result.rows[0]?.definition;
  if (!definition) throw new Error(`no constraint ${name} in the migrated database`);
  return definition;
}

/** The numbers a clause compares char_length(<column>) with, in order. */
const lengthBounds = (clause: string) =>
  [...clause.matchAll(/char_length\(\w+\) [<>]=? (\d+)/g)].map((match) => Number(match[1]));

describe.each(testDbKinds)("the database's CHECK constraints on %s", (kind) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("bound a list name as lib/watchlists/rules.ts does", async () => {
    const clause = await checkClause(handle, "watchlists_name_length");
    expect(lengthBounds(clause), clause).toEqual([1, MAX_WATCHLIST_NAME_LENGTH]);
  });

  it("bound a note as lib/watchlists/rules.ts does", async () => {
    const clause = await checkClause(handle, "watchlist_items_note_length");
    expect(lengthBounds(clause), clause).toEqual([MAX_NOTE_LENGTH]);
  });

  it("take a symbol's shape from lib/content/symbols.ts", async () => {
    const clause = await checkClause(handle, "watchlist_items_symbol_shape");
    const pattern = /~ '((?:[^']|'')*)'::text/.exec(clause)?.[1]?.replaceAll("''", "'");
    expect(pattern, clause).toBe(SYMBOL_PATTERN.source);
    expect(SYMBOL_PATTERN.flags).toBe("");
  });
});
