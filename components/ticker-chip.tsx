import Link from "next/link";
import { tickerPath } from "@/lib/routes";

export function TickerChip({ symbol, name }: { symbol: string; name: string }) {
  return (
    <Link className="ticker-chip" href={tickerPath(symbol)} title={name}>
      {symbol}
    </Link>
  );
}
