import { randomUUID } from "node:crypto";
import { alertSettings, users, watchlistItems, watchlists } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import type { AlertMode } from "@/lib/email/settings";

// Readers who watch tickers and chose how we email them, written straight into a test database
// (in bulk: the fan-out tests make a thousand of them).

export interface AlertReaderSpec {
  name: string;
  symbols: string[];
  mode: AlertMode;
  timeZone?: string;
  /** Minutes after local midnight. */
  digestMinute?: number;
}

export interface AlertReader {
  id: string;
  email: string;
}

const CHUNK = 500;

export async function createAlertReaders(db: Db, specs: AlertReaderSpec[]): Promise<AlertReader[]> {
  const rows = specs.map((spec) => {
    const id = randomUUID();
    return { spec, id, email: `${spec.name}-${id.slice(0, 8)}@example.com`, listId: randomUUID() };
  });
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await db
      .insert(users)
      .values(chunk.map(({ id, email, spec }) => ({ id, email, name: spec.name })));
    await db
      .insert(watchlists)
      .values(chunk.map(({ id, listId }) => ({ id: listId, userId: id, name: "My watchlist" })));
    const items = chunk.flatMap(({ listId, spec }) =>
      spec.symbols.map((symbol, position) => ({ watchlistId: listId, symbol, position })),
    );
    if (items.length > 0) await db.insert(watchlistItems).values(items);
    await db.insert(alertSettings).values(
      chunk.map(({ id, spec }) => ({
        userId: id,
        mode: spec.mode,
        timeZone: spec.timeZone ?? "America/New_York",
        digestMinute: spec.digestMinute ?? 480,
      })),
    );
  }
  return rows.map(({ id, email }) => ({ id, email }));
}

export const createAlertReader = async (db: Db, spec: AlertReaderSpec) =>
  (await createAlertReaders(db, [spec]))[0]!;
