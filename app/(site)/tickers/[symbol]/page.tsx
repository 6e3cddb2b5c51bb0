import type { Metadata } from "next";
import { listTickerSymbols } from "@/lib/sanity/tickers";
import { TickerPage, tickerPageMetadata } from "./_components/ticker-page";

type Props = PageProps<"/tickers/[symbol]">;

// Prerender every known ticker; others render on first request. With Cache Components the
// list must not be empty, so when the Content Lake is unreachable at build time a placeholder
// that is not a symbol stands in (it renders the 404 without reading content).
export async function generateStaticParams(): Promise<Array<Awaited<Props["params"]>>> {
  try {
    const symbols = await listTickerSymbols();
    if (symbols.length > 0) return symbols.map(({ symbol }) => ({ symbol }));
  } catch {
    // Reported by sanityFetch; the pages render at request time instead.
  }
  return [{ symbol: "-" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return tickerPageMetadata((await params).symbol, 1);
}

export default async function TickerFirstPage({ params }: Props) {
  return <TickerPage segment={(await params).symbol} page={1} />;
}
