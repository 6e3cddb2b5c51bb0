import { TickerChip } from "@/components/ticker-chip";
import { positionStatement } from "@/lib/content/disclosure";
import { WatchlistMatches } from "@/components/watchlist/watchlist-matches";
import { WatchToggle } from "@/components/watchlist/watch-toggle";
import { toggleWatch } from "@/components/watchlist/actions";

/**
 * The tickers this post discusses, each with the post's note on why it matters and the author's
 * position in it ("Author position: long IWM").
 */
export function TickerStrip({
  tickers,
  path,
}: {
  tickers: ReadonlyArray<{
    key: string;
    symbol: string;
    name: string;
    note: string;
    position: string | null;
  }>;
  /** The article's path, to come back to after signing in to watch. */
  path: string;
}) {
  if (tickers.length === 0) return null;
  return (
    <section className="ticker-strip" aria-labelledby="ticker-strip-title">
      <h2 id="ticker-strip-title" className="article-section-label">
        Tickers in this insight
      </h2>
      <ul className="ticker-strip__list">
        {tickers.map((ticker) => (
          <li key={ticker.key} className="ticker-strip__item">
            <div className="ticker-strip__head">
              <TickerChip symbol={ticker.symbol} name={ticker.name} />
              <span className="ticker-strip__name">{ticker.name}</span>
              <WatchToggle symbol={ticker.symbol} action={toggleWatch} returnTo={path} compact />
            </div>
            {ticker.note ? <p className="ticker-strip__note">{ticker.note}</p> : null}
            <p className="ticker-strip__position" data-position={ticker.position ?? "unstated"}>
              {positionStatement(ticker.position, ticker.symbol)}
            </p>
          </li>
        ))}
      </ul>
      <WatchlistMatches
        tickers={tickers.map(({ symbol, name, note }) => ({ symbol, name, note }))}
      />
    </section>
  );
}
