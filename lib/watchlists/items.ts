import "server-only";
import { and, asc, count, eq, inArray, max, sql } from "drizzle-orm";
import { watchlistItems, watchlists } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { MAX_ITEMS_PER_WATCHLIST, normalizeNote, normalizeSymbol } from "@/lib/watchlists/rules";
import { positionsInOrder } from "./positions";
import { isUuid, ownedWatchlistOrThrow, watchlistNotFound } from "./access";

// Items of one reader's list. Whether the symbol is a ticker we cover is the caller's question
// (the action asks Sanity); here a symbol only has to have a ticker symbol's shape.

/** Ids of the reader's lists, as a subquery that every item statement is confined to. */
const listsOf = (db: Db, userId: string) =>
  db.select({ id: watchlists.id }).from(watchlists).where(eq(watchlists.userId, userId));

const inReadersList = (db: Db, userId: string, watchlistId: string, symbol: string) =>
  and(
    eq(watchlistItems.watchlistId, watchlistId),
    eq(watchlistItems.symbol, symbol),
    inArray(watchlistItems.watchlistId, listsOf(db, userId)),
  );

/** Appends the symbol to the list; a symbol already there is left as it is (`added: false`). */
export async function addToWatchlist(
  db: Db,
  userId: string,
  watchlistId: string,
  symbol: string,
  note?: string | null,
): Promise<{ added: boolean; symbol: string }> {
  const ticker = normalizeSymbol(symbol);
  const itemNote = normalizeNote(note);
  return db.transaction(async (tx) => {
    // The row lock queues concurrent adds to this list, so the count cannot go stale.
    await ownedWatchlistOrThrow(tx, userId, watchlistId, { lock: true });
    const [stats] = await tx
      .select({
        items: count(),
        present: sql<boolean>`coalesce(bool_or(${watchlistItems.symbol} = ${ticker}), false)`,
        lastPosition: max(watchlistItems.position),
      })
      .from(watchlistItems)
      .where(eq(watchlistItems.watchlistId, watchlistId));
    if (stats?.present) return { added: false, symbol: ticker };
    if ((stats?.items ?? 0) >= MAX_ITEMS_PER_WATCHLIST) {
      throw new AppError(
        "limit_reached",
        `This list already has ${MAX_ITEMS_PER_WATCHLIST} tickers, the most a list can hold. ` +
          "Remove one or start another list.",
      );
    }
    await tx.insert(watchlistItems).values({
      watchlistId,
      symbol: ticker,
      note: itemNote,
      position: (stats?.lastPosition ?? -1) + 1,
    });
    return { added: true, symbol: ticker };
  });
}

/** Removes the symbol from the list; `removed: false` when it was not there. */
export async function removeFromWatchlist(
  db: Db,
  userId: string,
  watchlistId: string,
  symbol: string,
): Promise<{ removed: boolean }> {
  const ticker = normalizeSymbol(symbol);
  if (!isUuid(watchlistId)) throw watchlistNotFound();
  const deleted = await db
    .delete(watchlistItems)
    .where(inReadersList(db, userId, watchlistId, ticker))
    .returning({ symbol: watchlistItems.symbol });
  if (deleted.length > 0) return { removed: true };
  await ownedWatchlistOrThrow(db, userId, watchlistId);
  return { removed: false };
}

/** Sets (or, with an empty note, clears) the reader's private note on one item. */
export async function setItemNote(
  db: Db,
  userId: string,
  watchlistId: string,
  symbol: string,
  note: string | null,
): Promise<void> {
  const ticker = normalizeSymbol(symbol);
  const itemNote = normalizeNote(note);
  if (!isUuid(watchlistId)) throw watchlistNotFound();
  const updated = await db
    .update(watchlistItems)
    .set({ note: itemNote })
    .where(inReadersList(db, userId, watchlistId, ticker))
    .returning({ symbol: watchlistItems.symbol });
  if (updated.length > 0) return;
  await ownedWatchlistOrThrow(db, userId, watchlistId);
  throw notInList(ticker);
}

/** Moves one item to `toIndex` (clamped to the list), shifting the others. */
export async function moveItem(
  db: Db,
  userId: string,
  watchlistId: string,
  symbol: string,
  toIndex: number,
): Promise<void> {
  const ticker = normalizeSymbol(symbol);
  await db.transaction(async (tx) => {
    const order = await lockedSymbols(tx, userId, watchlistId);
    const from = order.indexOf(ticker);
    if (from === -1) throw notInList(ticker);
    order.splice(from, 1);
    const to = Math.min(Math.max(Math.trunc(toIndex) || 0, 0), order.length);
    order.splice(to, 0, ticker);
    await writeOrder(tx, watchlistId, order);
  });
}

async function lockedSymbols(db: Db, userId: string, watchlistId: string): Promise<string[]> {
  await ownedWatchlistOrThrow(db, userId, watchlistId, { lock: true });
  const rows = await db
    .select({ symbol: watchlistItems.symbol })
    .from(watchlistItems)
    .where(eq(watchlistItems.watchlistId, watchlistId))
    .orderBy(asc(watchlistItems.position), asc(watchlistItems.symbol));
  return rows.map((row) => row.symbol);
}

async function writeOrder(db: Db, watchlistId: string, order: readonly string[]): Promise<void> {
  if (order.length === 0) return;
  await db
    .update(watchlistItems)
    .set({ position: positionsInOrder(watchlistItems.symbol, order) })
    .where(eq(watchlistItems.watchlistId, watchlistId));
}

const notInList = (symbol: string) => new AppError("not_found", `${symbol} is not in this list.`);
