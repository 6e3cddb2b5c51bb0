"use server";

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { readerAction } from "@/lib/auth/reader-action";
import { addCoveredTicker } from "@/lib/watchlists/commands";
import { findCoveredSymbol } from "@/lib/watchlists/covered-symbol";
import { moveItem, removeFromWatchlist, setItemNote } from "@/lib/watchlists/items";
import { createWatchlist, deleteWatchlist, renameWatchlist } from "@/lib/watchlists/lists";
import { watchlistInput } from "@/lib/watchlists/rules";

// The watchlist page's server actions. Each goes through readerAction (authenticate, validate,
// refresh); the queries confine every statement to the reader's own lists. The star that
// watches a ticker from any page has its action beside it (components/watchlist/actions.ts).

const { symbol, watchlistId, name: listName, note, position } = watchlistInput;

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
  z.object({ watchlistId, symbol, note }),
  async (input, reader) => {
    await setItemNote(await getDb(), reader.id, input.watchlistId, input.symbol, input.note);
    return input.note.trim() ? "Note saved." : "Note removed.";
  },
);

export const moveSymbol = readerAction(
  z.object({ watchlistId, symbol, to: position }),
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
