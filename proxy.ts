import { NextResponse, type NextRequest } from "next/server";
import { knownActions } from "@/lib/http/action-ids";
import { carriesAction, checkActionRequest } from "@/lib/http/action-request";
import { isLiveSession, SESSION_COOKIE_NAMES, sessionTokenFrom } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { parsePageParam } from "@/lib/site/pagination";
import { PREFETCH_HINT_HEADER } from "@/lib/http/prefetch-hint";
import {
  accountPath,
  latestPageRoute,
  listPageRoute,
  signInReturningTo,
  tickerPath,
  watchlistPath,
} from "@/lib/routes";
import { absoluteUrl } from "@/lib/site/absolute-url";
import { resolveSymbolSegment } from "@/lib/site/symbol-route";

// Redirects point at SITE_URL, never at the Host the request named (a proxy's, or a forged one);
// the rewrite stays on the request's own origin, as an internal rewrite must.
// Runs before rendering, while the HTTP status can still be chosen: with Cache Components a page
// that reads the URL under a static shell streams that shell first, so a redirect() or
// notFound() in it would reach the reader as a 200 (Next 16 docs, "Streaming: the HTTP
// contract"). Two string rules therefore live here:
// - /tickers/iwm → /tickers/IWM, a real 308 (the page keeps the same rule for client
//   navigations);
// - `/?page=N` is rewritten to latest/[page], a dynamic segment whose unknown values render
//   before anything is sent, so a page that does not exist is a real 404. Page 1 stays `/`.
//   An author's, a ticker's and a topic's `?page=N` are rewritten to their pages/[page] alike.
// And for reader pages: /account and /watchlist without a live session are a real 307 to
// /signin (and back afterwards), whether the cookie is missing, expired, signed out or made up;
// a page's own redirect would reach a reader without JavaScript as an empty 200. The pages'
// requireReader() still checks the session they render with.
export async function proxy(request: NextRequest) {
  if (carriesAction(request)) {
    const page = pageRewrite(request)?.pathname ?? request.nextUrl.pathname;
    const verdict = await checkActionRequest(request, knownActions(), page);
    if (!verdict.ok) {
      console.warn(
        `proxy: refused a server action on ${request.nextUrl.pathname} with ${verdict.status}: ${verdict.message}`,
      );
      return new NextResponse(verdict.message, {
        status: verdict.status,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
  }
  const { pathname } = request.nextUrl;
  if (READER_PAGES.has(pathname)) return signedOutToSignIn(request);
  if (TICKER_PAGE.test(pathname)) return canonicalTicker(request) ?? listPage(request);
  if (pathname === "/" || LIST_PAGE.test(pathname)) return listPage(request);
  // Any other page reaches here only for its server actions (the matcher below).
  return NextResponse.next();
}

const TICKER_PAGE = /^\/tickers\/[^/]+$/;
/** The pages that list posts a page at a time besides `/` (each with pages/[page] beside it). */
const LIST_PAGE = /^\/(?:authors|tickers|topics)\/[^/]+$/;

const READER_PAGES = new Set([accountPath, watchlistPath]);

async function signedOutToSignIn(request: NextRequest) {
  const token = sessionTokenFrom(request.cookies);
  if (token && (await sessionIsLive(token))) return NextResponse.next();
  // A link's prefetch gets nothing rather than a redirect: Next's router would prefetch the
  // sign-in page in its place, which answers a segment prefetch with 404 (it renders per
  // request). Following the link itself is redirected below. The proxy never sees Next's own
  // prefetch header; scripts/site-server.ts passes it on as ours (lib/http/prefetch-hint.ts).
  if (request.headers.has(PREFETCH_HINT_HEADER)) return new NextResponse(null, { status: 204 });
  const url = new URL(
    signInReturningTo(`${request.nextUrl.pathname}${request.nextUrl.search}`),
    env.SITE_URL,
  );
  const response = NextResponse.redirect(url, 307);
  // A dead cookie is cleared, so the reader's next visit needs no database lookup.
  if (token) for (const name of SESSION_COOKIE_NAMES) response.cookies.delete(name);
  return response;
}

// With the reader database down the page gets its chance (it shows its own error state), rather
// than every signed-in reader being sent to sign in again.
async function sessionIsLive(token: string): Promise<boolean> {
  try {
    return await isLiveSession(await getDb(), token);
  } catch (error) {
    console.error("proxy: could not check the session; letting the page decide", error);
    return true;
  }
}

function listPage(request: NextRequest) {
  const rewrite = pageRewrite(request);
  return rewrite ? NextResponse.rewrite(rewrite) : NextResponse.next();
}

/** Where `?page=N` of a list is served from, or undefined for the list's first page itself. */
function pageRewrite(request: NextRequest): URL | undefined {
  const { pathname } = request.nextUrl;
  if (pathname !== "/" && !LIST_PAGE.test(pathname)) return undefined;
  const values = request.nextUrl.searchParams.getAll("page");
  if (values.length === 0) return undefined;
  const page = parsePageParam(values.length === 1 ? values[0] : values);
  if (page === 1) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = pathname === "/" ? latestPageRoute(page) : listPageRoute(pathname, page);
  url.searchParams.delete("page");
  return url;
}

/** The ticker's canonical spelling as a 308, or undefined when the URL already has it. */
function canonicalTicker(request: NextRequest): NextResponse | undefined {
  const segment = request.nextUrl.pathname.split("/")[2] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  const route = resolveSymbolSegment(decoded);
  if (route.kind !== "redirect") return undefined;
  const url = new URL(absoluteUrl(tickerPath(route.symbol)));
  url.search = request.nextUrl.search;
  return NextResponse.redirect(url, 308);
}

// Server actions post to the page they are on, so every page path is matched for a request that
// carries one, and so is every route (Next runs its action decoder on a form posted to any
// path, even one with no page). The `has` conditions keep every other request away from the
// proxy: it costs cached pages nothing. Next reads this object at build time: literals only.

export const config = {
  matcher: [
    "/",
    "/tickers/:symbol",
    { source: "/authors/:slug", has: [{ type: "query", key: "page" }] },
    { source: "/topics/:slug", has: [{ type: "query", key: "page" }] },
    "/account",
    "/watchlist",
    { source: "/((?!_next/|api/|favicon.ico).*)", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/((?!_next/).*)",
      has: [
        {
          type: "header",
          key: "content-type",
          value: "(?:multipart/form-data|application/x-www-form-urlencoded).*",
        },
      ],
    },
  ],
};
