"use client";

import { useSyncExternalStore } from "react";

// Which tickers the reader watches, for the stars on cached reader pages. Those pages are the
// same for everyone (served from the cache, no session read), so the reader's part is asked
// for once per page load from /api/watchlist and shared by every star and box on the page.

export type WatchedSymbols =
  | { status: "loading" | "unavailable" | "anonymous"; symbols: ReadonlySet<string> }
  | { status: "ready"; symbols: ReadonlySet<string> };

const NONE: ReadonlySet<string> = new Set();
const LOADING: WatchedSymbols = { status: "loading", symbols: NONE };

let snapshot: WatchedSymbols = LOADING;
let requested = false;
const listeners = new Set<() => void>();

function publish(next: WatchedSymbols) {
  snapshot = next;
  for (const listener of listeners) listener();
}

async function load() {
  try {
    const response = await fetch("/api/watchlist", { cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { signedIn: boolean; symbols: string[] };
    publish(
      body.signedIn
        ? { status: "ready", symbols: new Set(body.symbols) }
        : { status: "anonymous", symbols: NONE },
    );
  } catch {
    publish({ status: "unavailable", symbols: NONE });
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!requested) {
    requested = true;
    void load();
  }
  return () => listeners.delete(listener);
}

export function useWatchedSymbols(): WatchedSymbols {
  return useSyncExternalStore(
    subscribe,
    () => snapshot,
    () => LOADING,
  );
}

/** After a successful watch or unwatch, so every star for that symbol on the page agrees. */
export function markWatched(symbol: string, watched: boolean) {
  const symbols = new Set(snapshot.symbols);
  if (watched) symbols.add(symbol);
  else symbols.delete(symbol);
  publish({ status: "ready", symbols });
}
