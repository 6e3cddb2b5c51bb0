"use server";

import { z } from "zod";
import { getDb } from "@/lib/db";
import { moveItem, removeFromWatchlist, setItemNote } from "@/lib/queries/watchlist-items";
import { createWatchlist, deleteWatchlist, renameWatchlist } from "@/lib/queries/watchlists";
import { readerAction } from "@/lib/reader-action";
import { getTickerBySymbol } from "@/lib/sanity/tickers";
import { addCoveredTicker, unwatchTicker, watchTicker } from "@/lib/watchlist-commands";
import { MAX_NOTE_LENGTH, MAX_WATCHLIST_NAME_LENGTH } from "@/lib/watchlist-rules";

// The watchlist's server actions. Each goes through readerAction (authenticate, validate,
// refresh); the queries confine every statement to the reader's own lists.

const symbol = z
  .string({ error: "Type a ticker symbol." })
  .trim()
  .min(1, "Type a ticker symbol.")
  .max(20, "That is too long for a ticker symbol.");
const watchlistId = z.string({ error: "Which list?" }).min(1, "Which list?").max(64);
const listName = z
  .string({ error: "Give the list a name." })
  .trim()
  .min(1, "Give the list a name.")
  .max(
    MAX_WATCHLIST_NAME_LENGTH,
    `A list name can be at most ${MAX_WATCHLIST_NAME_LENGTH} characters.`,
  );

const findCoveredSymbol = async (symbol: string) =>
  (await getTickerBySymbol(symbol))?.symbol ?? null;

/** The star on ticker pages, chips and the ticker list. */
export const toggleWatch = readerAction(
  z.object({ symbol, intent: z.enum(["watch", "unwatch"]) }),
  async (input, reader) => {
    const run = input.intent === "watch" ? watchTicker : unwatchTicker;
    return run(await getDb(), reader.id, input.symbol, findCoveredSymbol);
  },
);

export const addSymbol = readerAction(z.object({ watchlistId, symbol }), async (input, reader) =>
  addCoveredTicker(await getDb(), reader.id, input.watchlistId, input.symbol, findCoveredSymbol),
);

export const removeSymbol = readerAction(
  z.object({ watchlistId, symbol }),
  async (input, reader) => {
    await removeFromWatchlist(await getDb(), reader.id, input.watchlistId, input.symbol);
    return `Removed ${input.symbol.toUpperCase()}.`;
  },
);

export const saveNote = readerAction(
  z.object({
    watchlistId,
    symbol,
    note: z
      .string()
      .max(MAX_NOTE_LENGTH, `A note can be at most ${MAX_NOTE_LENGTH} characters.`)
      .default(""),
  }),
  async (input, reader) => {
    await setItemNote(await getDb(), reader.id, input.watchlistId, input.symbol, input.note);
    return input.note.trim() ? "Note saved." : "Note removed.";
  },
);

export const moveSymbol = readerAction(
  z.object({ watchlistId, symbol, to: z.coerce.number().int().min(0).max(1000) }),
  async (input, reader) => {
    await moveItem(await getDb(), reader.id, input.watchlistId, input.symbol, input.to);
    return `Moved ${input.symbol.toUpperCase()}.`;
  },
);

export const createList = readerAction(z.object({ name: listName }), async (input, reader) => {
  const list = await createWatchlist(await getDb(), reader.id, input.name);
  return `Created “${list.name}”.`;
});

export const renameList = readerAction(
  z.object({ watchlistId, name: listName }),
  async (input, reader) => {
    const list = await renameWatchlist(await getDb(), reader.id, input.watchlistId, input.name);
    return `Renamed to “${list.name}”.`;
  },
);

export const deleteList = readerAction(z.object({ watchlistId }), async (input, reader) => {
  await deleteWatchlist(await getDb(), reader.id, input.watchlistId);
  return "List deleted.";
});
