import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { StatusMessage } from "@/components/status-message";
import { WatchToggle } from "@/components/watchlist/watch-toggle";
import { listTickers } from "@/lib/sanity/tickers";
import { tickerPath, tickersPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";
import { toggleWatch } from "@/components/watchlist/actions";

export const metadata: Metadata = {
  title: "Tickers",
  description: "Every ticker Daily Insight has written about, with the number of insights on each.",
  alternates: pageAlternates(tickersPath),
};

const KIND_LABEL = { etf: "ETF", stock: "Stock", index: "Index", fund: "Fund" } as const;

export default function TickersPage() {
  return (
    <>
      <h1 className="page-title">Tickers</h1>
      <p className="page-intro">
        Every ticker our insights cover, and how often we have covered it.
      </p>
      <Suspense fallback={<p role="status">Loading tickers…</p>}>
        <TickerTable />
      </Suspense>
    </>
  );
}

async function TickerTable() {
  const tickers = await listTickers();
  if (tickers.length === 0) return <StatusMessage title="No tickers yet" />;
  return (
    <div className="table-scroll">
      <table className="ticker-table">
        <caption className="visually-hidden">Tickers and the number of insights on each</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Name</th>
            <th scope="col">Insights</th>
            <th scope="col">
              <span className="visually-hidden">Watch</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tickers.map((ticker) => (
            <tr key={ticker.id}>
              <th scope="row">
                <Link className="ticker-chip" href={tickerPath(ticker.symbol)}>
                  {ticker.symbol}
                </Link>
              </th>
              <td>
                {ticker.name}
                {ticker.kind ? (
                  <span className="ticker-table__kind"> {KIND_LABEL[ticker.kind]}</span>
                ) : null}
              </td>
              <td>{ticker.postCount}</td>
              <td>
                <WatchToggle
                  symbol={ticker.symbol}
                  action={toggleWatch}
                  returnTo={tickersPath}
                  compact
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
