import { NextResponse, type NextRequest } from "next/server";
import { resolveSymbolSegment, tickerPath } from "@/lib/symbol-route";

// Runs before rendering, while the HTTP status can still be chosen: with Cache Components every
// page streams its static shell first, so a redirect() in the page would reach the reader as a
// 200 with a client-side redirect (Next 16 docs, "Streaming: the HTTP contract"). The ticker
// page's canonical-symbol redirect (/tickers/iwm → /tickers/IWM) is a string rule, so it lives
// here as a real 308; the page keeps the same rule for client navigations.
export function proxy(request: NextRequest) {
  const segment = request.nextUrl.pathname.split("/")[2] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return NextResponse.next();
  }
  const route = resolveSymbolSegment(decoded);
  if (route.kind !== "redirect") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = tickerPath(route.symbol);
  return NextResponse.redirect(url, 308);
}

export const config = {
  matcher: "/tickers/:symbol",
};
