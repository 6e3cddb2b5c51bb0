"use server";

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { readerAction } from "@/lib/auth/reader-action";
import { hasChosenAlerts } from "@/lib/email/settings";
import { unwatchTicker, watchTicker } from "@/lib/watchlists/commands";
import { findCoveredSymbol } from "@/lib/watchlists/covered-symbol";
import { watchlistInput } from "@/lib/watchlists/rules";

// The star's action (WatchToggle), on ticker pages, chips, the ticker list and the watchlist
// page: beside the shared component it serves, so no route group imports another's actions.

/** Watches or unwatches a ticker on the reader's default list. */
export const toggleWatch = readerAction(
  z.object({ symbol: watchlistInput.symbol, intent: watchlistInput.intent }),
  async (input, reader) => {
    const db = await getDb();
    if (input.intent === "unwatch")
      return unwatchTicker(db, reader.id, input.symbol, findCoveredSymbol);
    const message = await watchTicker(db, reader.id, input.symbol, findCoveredSymbol);
    // Until the reader has chosen how we email them, watching a ticker offers it.
    return (await hasChosenAlerts(db, reader.id))
      ? message
      : { message, offer: "email-alerts" as const };
  },
);
