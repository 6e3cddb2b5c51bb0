import "server-only";
import { and, eq } from "drizzle-orm";
import { users, watchlists } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Ownership is part of every query's WHERE clause: a list id alone reaches nothing, only a list
// id together with the reader it belongs to. Another reader's id therefore looks exactly like
// an id that does not exist, and nothing about it is revealed or changed.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const watchlistNotFound = () =>
  new AppError("not_found", "That watchlist does not exist or is not yours.");

/** The reader's list, locked against concurrent changes when `lock` (inside a transaction). */
export async function ownedWatchlistOrThrow(
  db: Db,
  userId: string,
  watchlistId: string,
  options: { lock?: boolean } = {},
): Promise<{ id: string; name: string }> {
  // Not a uuid → cannot exist (and Postgres would fail the cast rather than find nothing).
  if (!UUID.test(watchlistId)) throw watchlistNotFound();
  const query = db
    .select({ id: watchlists.id, name: watchlists.name })
    .from(watchlists)
    .where(and(eq(watchlists.id, watchlistId), eq(watchlists.userId, userId)));
  const [row] = await (options.lock ? query.for("update") : query);
  if (!row) throw watchlistNotFound();
  return row;
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Postgres's unique_violation (23505), as thrown through Drizzle by either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Locks the reader's row, so that one reader's changes to their set of lists queue up. */
export async function lockReaderOrThrow(db: Db, userId: string): Promise<void> {
  const [reader] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!reader) throw new AppError("not_found", "No such reader.");
}

export const nameTaken = (name: string) =>
  new AppError("conflict", `You already have a list called “${name}”.`);
