"use client";

import Link from "next/link";
import { tickerPath, watchlistPath } from "@/lib/routes";
import { useWatchedSymbols } from "@/hooks/use-watched-symbols";
import "./watchlist.css";

export type PostTickerNote = { symbol: string; name: string; note: string };

/** On an article: the reader's watched tickers that the post covers, with the post's notes. */
export function WatchlistMatches({ tickers }: { tickers: PostTickerNote[] }) {
  const { status, symbols } = useWatchedSymbols();
  if (status !== "ready") return null;
  const matches = tickers.filter((ticker) => symbols.has(ticker.symbol));
  if (matches.length === 0) return null;
  return (
    <aside className="watchlist-matches" aria-labelledby="watchlist-matches-title">
      <h2 id="watchlist-matches-title" className="watchlist-matches__title">
        Why this matters to your watchlist
      </h2>
      <ul className="watchlist-matches__list">
        {matches.map((ticker) => (
          <li key={ticker.symbol}>
            <Link href={tickerPath(ticker.symbol)} className="watchlist-matches__symbol">
              {ticker.symbol}
            </Link>{" "}
            <span className="watchlist-matches__name">{ticker.name}</span>
            <p className="watchlist-matches__note">{ticker.note}</p>
          </li>
        ))}
      </ul>
      <p className="watchlist-matches__more">
        <Link href={watchlistPath}>Your watchlist and feed</Link>
      </p>
    </aside>
  );
}
