import "server-only";
import { asc, eq } from "drizzle-orm";
import { watchlistItems, watchlists } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";

/** Every symbol on any of the reader's lists, once, A→Z: for "Your feed" and star toggles. */
export async function listWatchedSymbols(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ symbol: watchlistItems.symbol })
    .from(watchlistItems)
    .innerJoin(watchlists, eq(watchlists.id, watchlistItems.watchlistId))
    .where(eq(watchlists.userId, userId))
    .orderBy(asc(watchlistItems.symbol));
  return rows.map((row) => row.symbol);
}
