import { NextResponse, type NextRequest } from "next/server";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { parsePageParam } from "@/lib/pagination";
import { resolveSymbolSegment, tickerPath } from "@/lib/symbol-route";

// Runs before rendering, while the HTTP status can still be chosen: with Cache Components a page
// that reads the URL under a static shell streams that shell first, so a redirect() or
// notFound() in it would reach the reader as a 200 (Next 16 docs, "Streaming: the HTTP
// contract"). Two string rules therefore live here:
// - /tickers/iwm → /tickers/IWM, a real 308 (the page keeps the same rule for client
//   navigations);
// - `/?page=N` is rewritten to latest/[page], a dynamic segment whose unknown values render
//   before anything is sent, so a page that does not exist is a real 404. Page 1 stays `/`.
// And for reader pages: /account and /watchlist without a session cookie are a real 307 to
// /signin (and back afterwards). Only the cookie's presence is checked here, an optimistic check; the page's
// requireReader() checks the session itself.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/") return latestPage(request);
  if (READER_PAGES.has(pathname)) return signedOutToSignIn(request);
  return canonicalTicker(request);
}

const READER_PAGES = new Set(["/account", "/watchlist"]);

function signedOutToSignIn(request: NextRequest) {
  if (hasSessionCookie(request.cookies)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?${new URLSearchParams({ callbackUrl: `${request.nextUrl.pathname}${request.nextUrl.search}` })}`;
  return NextResponse.redirect(url, 307);
}

function latestPage(request: NextRequest) {
  const values = request.nextUrl.searchParams.getAll("page");
  if (values.length === 0) return NextResponse.next();
  const page = parsePageParam(values.length === 1 ? values[0] : values);
  if (page === 1) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/latest/${page ?? "-"}`;
  url.searchParams.delete("page");
  return NextResponse.rewrite(url);
}

function canonicalTicker(request: NextRequest) {
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
  matcher: ["/", "/tickers/:symbol", "/account", "/watchlist"],
};
