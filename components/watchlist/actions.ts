"use server";

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { readerAction } from "@/lib/auth/reader-action";
import { unwatchTicker, watchTicker } from "@/lib/watchlists/commands";
import { findCoveredSymbol } from "@/lib/watchlists/covered-symbol";
import { watchlistInput } from "@/lib/watchlists/rules";

// The star's action (WatchToggle), on ticker pages, chips, the ticker list and the watchlist
// page: beside the shared component it serves, so no route group imports another's actions.

/** Watches or unwatches a ticker on the reader's default list. */
export const toggleWatch = readerAction(
  z.object({ symbol: watchlistInput.symbol, intent: watchlistInput.intent }),
  async (input, reader) => {
    const run = input.intent === "watch" ? watchTicker : unwatchTicker;
    return run(await getDb(), reader.id, input.symbol, findCoveredSymbol);
  },
);
