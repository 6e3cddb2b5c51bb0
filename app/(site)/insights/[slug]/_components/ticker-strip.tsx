import { TickerChip } from "@/components/ticker-chip";

/** The tickers this post discusses, each with the post's note on why it matters. */
export function TickerStrip({
  tickers,
}: {
  tickers: ReadonlyArray<{ key: string; symbol: string; name: string; note: string }>;
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
            <p className="ticker-strip__head">
              <TickerChip symbol={ticker.symbol} name={ticker.name} />
              <span className="ticker-strip__name">{ticker.name}</span>
            </p>
            {ticker.note ? <p className="ticker-strip__note">{ticker.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
