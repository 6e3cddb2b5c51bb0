// Every path on the site, spelt once: pages, components, the sitemap, the feed, the cards, the
// proxy and the Studio's Presentation tool all link through these. Pure (no env), so client
// components and the Studio import it; absolute URLs for the server come from lib/site/absolute-url.ts
// (SITE_URL), and pure modules that are handed the site's URL use absoluteUrlFor.
//
// A segment taken from content (a slug, a symbol) is always percent-encoded, so an odd value
// stays one segment and every spelling of a page's address is the same string.

const segment = (value: string) => encodeURIComponent(value);

// Route shapes, with the segment left raw so Presentation's patterns (":slug") share them.
const insights = (slug: string) => `/insights/${slug}`;
const draft = (path: string) => `/draft${path}`;

export const homePath = "/";
export const tickersPath = "/tickers";
export const feedPath = "/feed.xml";
export const sitemapPath = "/sitemap.xml";
/** The site's disclaimer and disclosure policy (app/(site)/disclosures). */
export const disclosuresPath = "/disclosures";

/** A post's article as readers see it (app/(site)/insights/[slug]). */
export const postPath = (slug: string) => insights(segment(slug));

/**
 * The same article in draft mode with Sanity's visual editing (app/(site)/draft/insights/[slug]),
 * where previews open: its own address, so reader pages carry none of that JavaScript.
 */
export const postPreviewPath = (slug: string) => draft(postPath(slug));

/** The post routes as route patterns, for the Studio's Presentation tool. */
export const postRoutePattern = insights(":slug");
export const postPreviewRoutePattern = draft(postRoutePattern);

export const tickerPath = (symbol: string) => `${tickersPath}/${segment(symbol)}`;
export const topicPath = (slug: string) => `/topics/${segment(slug)}`;
export const authorPath = (slug: string) => `/authors/${segment(slug)}`;

/** The RSS feed of a page that lists posts (a ticker's, a topic's, an author's). */
export const pageFeedPath = (pagePath: string) => `${pagePath.replace(/\/+$/, "")}/feed.xml`;
export const tickerFeedPath = (symbol: string) => pageFeedPath(tickerPath(symbol));
export const topicFeedPath = (slug: string) => pageFeedPath(topicPath(slug));
export const authorFeedPath = (slug: string) => pageFeedPath(authorPath(slug));

/** The search page, with a query when given one. */
export const searchPath = (query?: string) =>
  query ? `/search?${new URLSearchParams({ q: query })}` : "/search";

/** Page N of the latest posts: the home page, then `/?page=N` (one URL for the first page). */
export const latestPath = (page = 1) => (page <= 1 ? homePath : `${homePath}?page=${page}`);

/**
 * Where proxy.ts rewrites `/?page=N` to (app/(site)/latest/[page]); a page number that does not
 * parse becomes "-", a segment that renders the 404.
 */
export const latestPageRoute = (page: number | null) => `/latest/${page ?? "-"}`;

/**
 * Where proxy.ts rewrites `?page=N` (N ≥ 2) of an author's, a ticker's or a topic's page to
 * (app/(site)/…/pages/[page]), as it does the latest posts'; a page number that does not parse
 * becomes "-", a segment that renders the 404.
 */
export const listPageRoute = (listPath: string, page: number | null) =>
  `${listPath.replace(/\/+$/, "")}/pages/${page ?? "-"}`;

// The reader's own pages (app/(account)): behind sign-in, never cached, never in the sitemap.
export const signInPath = "/signin";
export const checkEmailPath = "/signin/check-email";
export const accountPath = "/account";
/** The email alert settings on the account page. */
export const emailAlertsPath = `${accountPath}#email-alerts`;
export const watchlistPath = "/watchlist";

/** The page a message's unsubscribe link opens, and the one-click (RFC 8058) POST target;
 * `token` is signed for one reader (lib/email/unsubscribe-token.ts). */
export const unsubscribePath = (token: string) => `/unsubscribe?${new URLSearchParams({ token })}`;
export const oneClickUnsubscribePath = (token: string) =>
  `/api/unsubscribe?${new URLSearchParams({ token })}`;

/** Sign-in, returning to `callbackUrl` (a same-origin path) once the reader is signed in. */
export const signInReturningTo = (callbackUrl: string) =>
  `${signInPath}?${new URLSearchParams({ callbackUrl })}`;

/** One watchlist as a CSV download (app/(account)/watchlist/export). */
export const watchlistExportPath = (listId: string) =>
  `${watchlistPath}/export?${new URLSearchParams({ list: listId })}`;

/** A page's social card (its opengraph-image or twitter-image file). */
export function cardPath(pagePath: string, name: "opengraph-image" | "twitter-image"): string {
  return `${pagePath.replace(/\/+$/, "")}/${name}`;
}

/** An absolute URL on the site at `siteUrl` (for pure modules handed it, like feed and sitemap). */
export function absoluteUrlFor(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).toString();
}
