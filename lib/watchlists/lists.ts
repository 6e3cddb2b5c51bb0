import "server-only";
import { and, asc, count, eq, getTableColumns, max } from "drizzle-orm";
import { watchlistItems, watchlists, type Watchlist, type WatchlistItem } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  DEFAULT_WATCHLIST_NAME,
  MAX_WATCHLISTS_PER_READER,
  normalizeWatchlistName,
} from "@/lib/watchlists/rules";
import {
  isUniqueViolation,
  isUuid,
  lockReaderOrThrow,
  nameTaken,
  watchlistNotFound,
} from "./access";

export { MAX_ITEMS_PER_WATCHLIST, MAX_WATCHLISTS_PER_READER } from "@/lib/watchlists/rules";

export type WatchlistWithItems = Watchlist & { items: WatchlistItem[] };

const listOrder = [asc(watchlists.position), asc(watchlists.createdAt), asc(watchlists.id)];
const itemOrder = [asc(watchlistItems.position), asc(watchlistItems.symbol)];

/** The reader's lists in their order, each with its items in order. */
export async function listWatchlists(db: Db, userId: string): Promise<WatchlistWithItems[]> {
  const [lists, items] = await Promise.all([
    db
      .select()
      .from(watchlists)
      .where(eq(watchlists.userId, userId))
      .orderBy(...listOrder),
    db
      .select(getTableColumns(watchlistItems))
      .from(watchlistItems)
      .innerJoin(watchlists, eq(watchlists.id, watchlistItems.watchlistId))
      .where(eq(watchlists.userId, userId))
      .orderBy(...itemOrder),
  ]);
  return lists.map((list) => ({
    ...list,
    items: items.filter((item) => item.watchlistId === list.id),
  }));
}

export async function getWatchlistOrThrow(
  db: Db,
  userId: string,
  watchlistId: string,
): Promise<WatchlistWithItems> {
  if (!isUuid(watchlistId)) throw watchlistNotFound();
  const [list] = await db
    .select()
    .from(watchlists)
    .where(and(eq(watchlists.id, watchlistId), eq(watchlists.userId, userId)));
  if (!list) throw watchlistNotFound();
  const items = await db
    .select()
    .from(watchlistItems)
    .where(eq(watchlistItems.watchlistId, list.id))
    .orderBy(...itemOrder);
  return { ...list, items };
}

/** The reader's first list, creating "My watchlist" when they have none yet. */
export async function getOrCreateDefaultWatchlist(db: Db, userId: string): Promise<Watchlist> {
  const first = (executor: Db) =>
    executor
      .select()
      .from(watchlists)
      .where(eq(watchlists.userId, userId))
      .orderBy(...listOrder)
      .limit(1);
  const [existing] = await first(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    await lockReaderOrThrow(tx, userId);
    const [created] = await first(tx);
    if (created) return created;
    const [list] = await tx
      .insert(watchlists)
      .values({ userId, name: DEFAULT_WATCHLIST_NAME, position: 0 })
      .returning();
    return list!;
  });
}

export async function createWatchlist(db: Db, userId: string, name: string): Promise<Watchlist> {
  const listName = normalizeWatchlistName(name);
  return db.transaction(async (tx) => {
    // Concurrent creations by one reader queue here, so the count below cannot go stale.
    await lockReaderOrThrow(tx, userId);
    const [stats] = await tx
      .select({ lists: count(), lastPosition: max(watchlists.position) })
      .from(watchlists)
      .where(eq(watchlists.userId, userId));
    if ((stats?.lists ?? 0) >= MAX_WATCHLISTS_PER_READER) {
      throw new AppError(
        "limit_reached",
        `You already have ${MAX_WATCHLISTS_PER_READER} lists, the most a reader can keep. ` +
          "Delete one to make room.",
      );
    }
    const [taken] = await tx
      .select({ id: watchlists.id })
      .from(watchlists)
      .where(and(eq(watchlists.userId, userId), eq(watchlists.name, listName)));
    if (taken) throw nameTaken(listName);
    const [list] = await tx
      .insert(watchlists)
      .values({ userId, name: listName, position: (stats?.lastPosition ?? -1) + 1 })
      .returning();
    return list!;
  });
}

export async function renameWatchlist(
  db: Db,
  userId: string,
  watchlistId: string,
  name: string,
): Promise<Watchlist> {
  const listName = normalizeWatchlistName(name);
  if (!isUuid(watchlistId)) throw watchlistNotFound();
  try {
    const [list] = await db
      .update(watchlists)
      .set({ name: listName })
      .where(and(eq(watchlists.id, watchlistId), eq(watchlists.userId, userId)))
      .returning();
    if (!list) throw watchlistNotFound();
    return list;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(listName);
    throw error;
  }
}

/** Deletes the list and its items. The reader's next visit recreates a default list if none is left. */
export async function deleteWatchlist(db: Db, userId: string, watchlistId: string): Promise<void> {
  if (!isUuid(watchlistId)) throw watchlistNotFound();
  const deleted = await db
    .delete(watchlists)
    .where(and(eq(watchlists.id, watchlistId), eq(watchlists.userId, userId)))
    .returning({ id: watchlists.id });
  if (deleted.length === 0) throw watchlistNotFound();
}
