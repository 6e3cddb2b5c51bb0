import Link from "next/link";
import type { WatchlistWithItems } from "@/lib/watchlists/lists";
import { MAX_NOTE_LENGTH, MAX_WATCHLIST_NAME_LENGTH } from "@/lib/watchlists/rules";
import { tickerPath, watchlistExportPath } from "@/lib/routes";
import { addSymbol, deleteList, moveSymbol, removeSymbol, renameList, saveNote } from "../actions";
import { ActionForm } from "./action-form";
import { AddTickerField } from "./add-ticker-field";

const addedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** One of the reader's lists: its items with notes and order, and the forms that change it. */
export function WatchlistCard({
  list,
  names,
}: {
  list: WatchlistWithItems;
  /** Ticker names by symbol, from Sanity. */
  names: ReadonlyMap<string, string>;
}) {
  const id = list.id;
  const headingId = `list-${id}`;
  return (
    <section className="watchlist-card" aria-labelledby={headingId}>
      <div className="watchlist-card__header">
        <h2 id={headingId}>{list.name}</h2>
        <a className="watchlist-card__export" href={watchlistExportPath(id)} download>
          Export CSV<span className="visually-hidden"> of {list.name}</span>
        </a>
      </div>

      <ActionForm action={addSymbol} className="watchlist-form">
        <input type="hidden" name="watchlistId" value={id} />
        <AddTickerField id={`add-${id}`} />
      </ActionForm>

      {list.items.length === 0 ? (
        <p className="empty-state">No tickers on this list yet.</p>
      ) : (
        <ol className="watchlist-items">
          {list.items.map((item, index) => (
            <li key={item.symbol} className="watchlist-item">
              <div className="watchlist-item__head">
                <Link className="ticker-chip" href={tickerPath(item.symbol)}>
                  {item.symbol}
                </Link>
                <span className="watchlist-item__name">{names.get(item.symbol) ?? ""}</span>
                <span className="watchlist-item__added">
                  added{" "}
                  <time dateTime={item.addedAt.toISOString()}>
                    {addedFormat.format(item.addedAt)}
                  </time>
                </span>
              </div>
              <ActionForm action={saveNote} className="watchlist-form">
                <input type="hidden" name="watchlistId" value={id} />
                <input type="hidden" name="symbol" value={item.symbol} />
                <label htmlFor={`note-${id}-${item.symbol}`}>Private note on {item.symbol}</label>
                <div className="account-form__row">
                  <input
                    className="account-form__input"
                    id={`note-${id}-${item.symbol}`}
                    name="note"
                    defaultValue={item.note ?? ""}
                    maxLength={MAX_NOTE_LENGTH}
                  />
                  <button type="submit" className="button button--secondary">
                    Save note
                  </button>
                </div>
              </ActionForm>
              <div className="watchlist-item__actions">
                <ActionForm action={moveSymbol}>
                  <input type="hidden" name="watchlistId" value={id} />
                  <input type="hidden" name="symbol" value={item.symbol} />
                  <input type="hidden" name="to" value={Math.max(index - 1, 0)} />
                  <button type="submit" className="button button--secondary" disabled={index === 0}>
                    Move up<span className="visually-hidden"> {item.symbol}</span>
                  </button>
                </ActionForm>
                <ActionForm action={moveSymbol}>
                  <input type="hidden" name="watchlistId" value={id} />
                  <input type="hidden" name="symbol" value={item.symbol} />
                  <input type="hidden" name="to" value={index + 1} />
                  <button
                    type="submit"
                    className="button button--secondary"
                    disabled={index === list.items.length - 1}
                  >
                    Move down<span className="visually-hidden"> {item.symbol}</span>
                  </button>
                </ActionForm>
                <ActionForm action={removeSymbol}>
                  <input type="hidden" name="watchlistId" value={id} />
                  <input type="hidden" name="symbol" value={item.symbol} />
                  <button type="submit" className="button button--secondary">
                    Remove<span className="visually-hidden"> {item.symbol}</span>
                  </button>
                </ActionForm>
              </div>
            </li>
          ))}
        </ol>
      )}

      <details className="watchlist-card__manage">
        <summary>Rename or delete this list</summary>
        <ActionForm action={renameList} className="watchlist-form">
          <input type="hidden" name="watchlistId" value={id} />
          <label htmlFor={`rename-${id}`}>New name</label>
          <div className="account-form__row">
            <input
              className="account-form__input"
              id={`rename-${id}`}
              name="name"
              defaultValue={list.name}
              required
              maxLength={MAX_WATCHLIST_NAME_LENGTH}
            />
            <button type="submit" className="button button--secondary">
              Rename
            </button>
          </div>
        </ActionForm>
        <ActionForm action={deleteList} className="watchlist-form">
          <input type="hidden" name="watchlistId" value={id} />
          <button type="submit" className="button button--danger">
            Delete “{list.name}” and its {list.items.length} tickers
          </button>
        </ActionForm>
      </details>
    </section>
  );
}
