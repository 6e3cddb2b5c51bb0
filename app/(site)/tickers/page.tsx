import type { Metadata } from "next";
import { Suspense } from "react";
import { StatusMessage } from "@/components/status-message";
import { TickerChip } from "@/components/ticker-chip";
import { listTickers } from "@/lib/sanity/tickers";

export const metadata: Metadata = {
  title: "Tickers",
  description: "Every ticker Daily Insight has written about, with the number of insights on each.",
};

export default function TickersPage() {
  return (
    <>
      <h1 className="page-title">Tickers</h1>
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
    <table className="ticker-table">
      <thead>
        <tr>
          <th scope="col">Symbol</th>
          <th scope="col">Name</th>
          <th scope="col">Insights</th>
        </tr>
      </thead>
      <tbody>
        {tickers.map((ticker) => (
          <tr key={ticker.id}>
            <td>
              <TickerChip symbol={ticker.symbol} name={ticker.name} />
            </td>
            <td>{ticker.name}</td>
            <td>{ticker.postCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
