import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addToWatchlist, removeFromWatchlist } from "@/lib/watchlists/items";
import { getOrCreateDefaultWatchlist, listWatchlists } from "@/lib/watchlists/lists";

// What the watchlist's server actions do once the reader is known and the input is valid
// (app/(account)/watchlist/actions.ts and components/watchlist/actions.ts add authentication, validation and the refresh). Each
// returns the message the reader sees. Whether we cover a symbol is Sanity's answer, passed in.

/** The ticker's symbol as Sanity has it, or null when we cover no such ticker. */
export type FindCoveredSymbol = (symbol: string) => Promise<string | null>;

async function coveredSymbolOrThrow(find: FindCoveredSymbol, input: string): Promise<string> {
  const symbol = await find(input);
  if (symbol) return symbol;
  throw new AppError(
    "bad_request",
    `We don't cover “${input.trim().toUpperCase().slice(0, 20)}”. Pick a ticker from the suggestions.`,
  );
}

/** The star: puts the ticker on the reader's first list (made if they have none). */
export async function watchTicker(
  db: Db,
  userId: string,
  input: string,
  find: FindCoveredSymbol,
): Promise<string> {
  const symbol = await coveredSymbolOrThrow(find, input);
  const list = await getOrCreateDefaultWatchlist(db, userId);
  await addToWatchlist(db, userId, list.id, symbol);
  return `Watching ${symbol}.`;
}

/** The star, pressed again: the ticker leaves every list of the reader's that holds it. */
export async function unwatchTicker(
  db: Db,
  userId: string,
  input: string,
  find: FindCoveredSymbol,
): Promise<string> {
  const symbol = await coveredSymbolOrThrow(find, input);
  for (const list of await listWatchlists(db, userId)) {
    if (list.items.some((item) => item.symbol === symbol))
      await removeFromWatchlist(db, userId, list.id, symbol);
  }
  return `Stopped watching ${symbol}.`;
}

/** Adds a ticker we cover to one of the reader's lists; one already there stays as it is. */
export async function addCoveredTicker(
  db: Db,
  userId: string,
  watchlistId: string,
  input: string,
  find: FindCoveredSymbol,
): Promise<string> {
  const symbol = await coveredSymbolOrThrow(find, input);
  const { added } = await addToWatchlist(db, userId, watchlistId, symbol);
  return added ? `Added ${symbol}.` : `${symbol} is already on this list.`;
}
