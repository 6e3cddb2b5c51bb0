import "server-only";
import type { Db } from "@/lib/db/client";
import { toCsv } from "@/lib/watchlists/csv";
import { getWatchlistOrThrow } from "./lists";

/** One of the reader's lists as a CSV file (symbol, note, added_at), in the list's order. */
export async function watchlistCsv(
  db: Db,
  userId: string,
  watchlistId: string,
): Promise<{ filename: string; csv: string }> {
  const list = await getWatchlistOrThrow(db, userId, watchlistId);
  const rows = [
    ["symbol", "note", "added_at"],
    ...list.items.map((item) => [item.symbol, item.note, item.addedAt]),
  ];
  const slug = list.name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return { filename: `${slug || "watchlist"}.csv`, csv: toCsv(rows) };
}
