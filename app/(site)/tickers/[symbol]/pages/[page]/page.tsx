import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { laterPageFrom } from "@/lib/site/pagination";
import { TickerPage, tickerPageMetadata } from "../../_components/ticker-page";

// `/tickers/[symbol]?page=N` for N ≥ 2 (and any malformed `page`), rewritten here by proxy.ts
// (see authors/[slug]/pages/[page]).

type Props = PageProps<"/tickers/[symbol]/pages/[page]">;

export function generateStaticParams(): Array<Awaited<Props["params"]>> {
  return [{ symbol: "-", page: "-" }];
}

async function pageOf(params: Props["params"]) {
  const { symbol, page } = await params;
  return { symbol, page: laterPageFrom(page) ?? notFound() };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { symbol, page } = await pageOf(params);
  return tickerPageMetadata(symbol, page);
}

export default async function TickerLaterPage({ params }: Props) {
  const { symbol, page } = await pageOf(params);
  return <TickerPage segment={symbol} page={page} />;
}
