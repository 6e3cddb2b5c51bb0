import "server-only";
import { getTickerBySymbol, listPostsForTicker, listTickerSymbols } from "@/lib/sanity/tickers";
import { resolveSymbolSegment } from "@/lib/site/symbol-route";
import { toTickerCardData } from "./card-data";
import { TickerCard } from "./ticker-card";
import { renderCard } from "./render";
import { CARD_CONTENT_TYPE, CARD_SIZE } from "./theme";

// app/tickers/[symbol]/opengraph-image.tsx and twitter-image.tsx re-export this module.

type Params = PageProps<"/tickers/[symbol]">["params"];

export const size = CARD_SIZE;
export const contentType = CARD_CONTENT_TYPE;
export const alt = "Daily Insight: a ticker, its name and kind, and its latest coverage";

// "-" is never a symbol (lib/site/symbol-route.ts): the stand-in for an unreadable lake at build.
export async function generateStaticParams(): Promise<Array<Awaited<Params>>> {
  try {
    const symbols = await listTickerSymbols();
    if (symbols.length > 0) return symbols.map(({ symbol }) => ({ symbol }));
  } catch {
    // Reported by sanityFetch; cards then render on first request.
  }
  return [{ symbol: "-" }];
}

export default async function TickerImage({ params }: { params: Params }) {
  const route = resolveSymbolSegment((await params).symbol);
  const ticker = route.kind === "not-found" ? null : await getTickerBySymbol(route.symbol);
  if (!ticker) return new Response("Not found", { status: 404 });
  return renderCard(
    <TickerCard {...toTickerCardData(ticker, await listPostsForTicker(ticker.id))} />,
  );
}
