import { readFileSync } from "node:fs";
import path from "node:path";
import { topicSlug } from "../../lib/content/topics.ts";
import { seedDocs, seedPost } from "../support/seed-post.ts";

// The fuzz test's targets: every route of the production build, read from Next's own manifest
// (.next/app-path-routes-manifest.json, written by `next build`), so a route added to app/ is
// fuzzed without anyone listing it. A dynamic segment is filled with values that reach the
// route's real work (the seed's post, tickers, topic and author) or with hostile ones.

export interface BuildRoute {
  /** As Next names it: /tickers/[symbol]/feed.xml */
  route: string;
  kind: "page" | "handler";
}

/** Every page and route handler of the build in `distDir`, Next's own error pages aside. */
export function buildRoutes(distDir = ".next"): BuildRoute[] {
  const file = path.resolve(distDir, "app-path-routes-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  return (
    Object.entries(manifest)
      // /_not-found and /_global-error are what Next renders for other routes' failures.
      .filter(([, route]) => !route.startsWith("/_"))
      .map(([entry, route]): BuildRoute => ({
        route,
        kind: entry.endsWith("/page") ? "page" : "handler",
      }))
      .sort((a, b) => a.route.localeCompare(b.route))
  );
}

const author = seedDocs.find((doc) => doc._type === "author") as
  { slug: { current: string } } | undefined;

/**
 * Values that reach each dynamic segment's real work, by the segment and the one before it. A
 * route whose segment is missing here fails the test: add its values, never skip it.
 */
const VALID: Record<string, readonly string[]> = {
  "insights/[slug]": [seedPost.slug],
  "authors/[slug]": [author?.slug.current ?? "daily-insight-desk"],
  "topics/[slug]": seedPost.recommendedTopics.map((topic) => topicSlug(topic.title)),
  "tickers/[symbol]": ["IWM", "iwm", "BRK.B", ...seedPost.tickers.map((ticker) => ticker.symbol)],
  "latest/[page]": ["1", "2"],
  // An author's, a ticker's or a topic's later pages (their ?page=N, rewritten by proxy.ts).
  "pages/[page]": ["1", "2", "3"],
  "studio/[[...tool]]": ["", "structure", "structure/post", "presentation"],
  "auth/[...nextauth]": [
    "signin",
    "signin/nodemailer",
    "signin/github",
    "callback/nodemailer",
    "callback/github",
    "session",
    "csrf",
    "providers",
    "signout",
    "error",
    "verify-request",
    "nonsense",
  ],
};

/** What goes where a route expects a slug, a symbol or a page number. */
export const BAD_SEGMENTS = [
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%00",
  "%C0%AF",
  "%ED%A0%80",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "\u00e9t\u00e9",
  "%F0%9F%92%A9",
  "a".repeat(3000),
  "-",
  "%20",
  "<script>",
  "${7*7}",
  "';--",
  "%0d%0aSet-Cookie:x=1",
  "\u202e",
  "no-such-thing",
  "a/b/c/d",
];

const DYNAMIC = /^\[{1,2}(?:\.\.\.)?\w+\]{1,2}$/;

/** The keys of VALID a route needs, one per dynamic segment. */
export function dynamicSegments(route: string): string[] {
  const segments = route.split("/");
  return segments.flatMap((segment, index) =>
    DYNAMIC.test(segment) ? [`${segments[index - 1] ?? ""}/${segment}`] : [],
  );
}

export function validValues(key: string): readonly string[] {
  const values = VALID[key];
  if (!values || values.length === 0)
    throw new Error(`the fuzz test has no values for the route segment ${key}: add them to VALID`);
  return values;
}

/**
 * The route with each dynamic segment replaced by `fill(key)` (kept when it answers undefined);
 * an empty value drops its slash, as an optional catch-all does.
 */
export function fillRoute(route: string, fill: (key: string) => string | undefined): string {
  const segments = route.split("/");
  const filled = segments.map((segment, index) =>
    DYNAMIC.test(segment) ? (fill(`${segments[index - 1] ?? ""}/${segment}`) ?? segment) : segment,
  );
  return filled.join("/").replace(/\/+$/, "") || "/";
}

/** One concrete path per combination of valid values: what a reader's request looks like. */
export function validPaths(route: string): string[] {
  let paths = [route];
  for (const key of dynamicSegments(route)) {
    paths = paths.flatMap((partial) =>
      validValues(key).map((value) => fillRoute(partial, (at) => (at === key ? value : undefined))),
    );
  }
  return [...new Set(paths)];
}
