import Link from "next/link";
import { useId, type ReactNode } from "react";
import { tickerPath } from "@/lib/routes";

export type BodyTicker = { id: string; symbol: string; name: string; note: string };

// A ticker named in the text: a link to its page and, when this post has a note on it, a card
// with its name and the note. The card shows on hover and on keyboard focus (CSS only, no
// JavaScript), and the link names it with aria-describedby so screen readers announce it.
export function TickerMention({
  symbol,
  ticker,
  children,
}: {
  symbol: string;
  ticker: BodyTicker | undefined;
  children: ReactNode;
}) {
  const cardId = useId();
  const href = tickerPath(symbol);
  if (!ticker) {
    return (
      <Link className="ticker-mention__link" href={href}>
        {children}
      </Link>
    );
  }
  return (
    <span className="ticker-mention">
      <Link className="ticker-mention__link" href={href} aria-describedby={cardId}>
        {children}
      </Link>
      <span className="ticker-card" role="tooltip" id={cardId}>
        <span className="ticker-card__head">
          <span className="ticker-card__symbol">{ticker.symbol}</span>{" "}
          <span className="ticker-card__name">{ticker.name}</span>
        </span>
        {/* A space, so the announced description does not run the name into the note. */}{" "}
        {ticker.note ? <span className="ticker-card__note">{ticker.note}</span> : null}
      </span>
    </span>
  );
}
