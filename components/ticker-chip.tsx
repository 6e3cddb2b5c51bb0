import Link from "next/link";

export function TickerChip({ symbol, name }: { symbol: string; name: string }) {
  return (
    <Link className="ticker-chip" href={`/tickers/${encodeURIComponent(symbol)}`} title={name}>
      {symbol}
    </Link>
  );
}
