import type { Metadata } from "next";
import { requireReader } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { listWatchlists } from "@/lib/watchlists/lists";
import { listTickers } from "@/lib/sanity/tickers";
import { listPostsForSymbols } from "@/lib/sanity/watchlist-feed";
import { MAX_WATCHLIST_NAME_LENGTH, MAX_WATCHLISTS_PER_READER } from "@/lib/watchlists/rules";
import { toggleWatch } from "@/components/watchlist/actions";
import { createList } from "./actions";
import { ActionForm } from "./_components/action-form";
import { AddTickerField } from "./_components/add-ticker-field";
import { WatchlistCard } from "./_components/watchlist-card";
import { WatchlistFeed } from "./_components/watchlist-feed";
import "./watchlist.css";
import { watchlistPath } from "@/lib/routes";

export const metadata: Metadata = {
  title: "Your watchlist",
  robots: { index: false, follow: false },
};

// Rendered whole per request, without a <Suspense> fallback, so that every form works without
// JavaScript (see app/(account)/layout.tsx); proxy.ts sends signed-out readers to /signin.
export const instant = false;

export default async function WatchlistPage() {
  return (
    <div className="watchlist-page">
      <h1 className="page-title">Your watchlist</h1>
      <Watchlists />
    </div>
  );
}

async function Watchlists() {
  const reader = await requireReader(watchlistPath);
  const [lists, tickers] = await Promise.all([
    getDb().then((db) => listWatchlists(db, reader.id)),
    listTickers(),
  ]);
  const watched = [...new Set(lists.flatMap((list) => list.items.map((item) => item.symbol)))];
  const feed = await listPostsForSymbols(watched);
  const names = new Map(tickers.map((ticker) => [ticker.symbol, ticker.name]));
  return (
    <>
      <datalist id="ticker-suggestions">
        {tickers.map((ticker) => (
          <option key={ticker.symbol} value={ticker.symbol}>
            {ticker.name}
          </option>
        ))}
      </datalist>
      <div className="watchlist-layout">
        <div className="watchlist-lists">
          {lists.length === 0 ? (
            // The first ticker creates the reader's first list.
            <section className="watchlist-card" aria-labelledby="first-list">
              <h2 id="first-list">Start your watchlist</h2>
              <ActionForm action={toggleWatch} className="watchlist-form">
                <input type="hidden" name="intent" value="watch" />
                <AddTickerField id="first-symbol" />
              </ActionForm>
            </section>
          ) : (
            lists.map((list) => <WatchlistCard key={list.id} list={list} names={names} />)
          )}
          {lists.length < MAX_WATCHLISTS_PER_READER ? (
            <ActionForm action={createList} className="watchlist-form watchlist-new">
              <label htmlFor="new-list">New list</label>
              <div className="account-form__row">
                <input
                  className="account-form__input"
                  id="new-list"
                  name="name"
                  required
                  maxLength={MAX_WATCHLIST_NAME_LENGTH}
                  placeholder="Small caps"
                />
                <button type="submit" className="button button--secondary">
                  Create list
                </button>
              </div>
            </ActionForm>
          ) : (
            <p className="form-status">
              You have {MAX_WATCHLISTS_PER_READER} lists, the most a reader can keep.
            </p>
          )}
        </div>
        <WatchlistFeed posts={feed} watching={watched.length} />
      </div>
    </>
  );
}
