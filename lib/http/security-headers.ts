// The response headers that harden every page. scripts/site-server.ts adds them to every
// response, from the environment it runs with. Not next.config's headers(): Next compiles every
// header value that holds a ':' as a path template on every request, which for these values cost
// about 5% of a cached page's throughput. Pure: no env, no I/O, so a test reads the exact policy.
//
// Why the Content-Security-Policy allows 'unsafe-inline' scripts: the reader pages are cached
// and prerendered, and Next writes its own inline bootstrap scripts into them. A nonce would
// make every page render per request; hashes would change with every page's content. So the
// policy takes away what it can without that: scripts, styles, fonts, connections and frames
// from this origin only; no plugins (`object-src 'none'`); no <base> hijacking; forms post
// only here (and to the configured OAuth providers, which a sign-in form redirects to);
// nobody frames the site but itself (the embedded Studio's Presentation tool) and the
// configured Studios, and those only on the draft pages they preview.

export interface SecurityHeaderOptions {
  siteUrl: string;
  development: boolean;
  /** The local Content Lake's HTTPS address the embedded Studio calls; undefined when hosted. */
  lakeApiHost: string | undefined;
  /** Origins a sign-in form may be redirected to (GitHub, Google), when configured. */
  oauthOrigins: string[];
  /** Studios on other origins whose Presentation tool frames /draft/… pages. */
  studioOrigins: string[];
}

/** The headers for a request path, computed once: the server adds them to every response. */
export type SecurityHeadersFor = (pathname: string) => ReadonlyArray<readonly [string, string]>;

type Policy = Record<string, string[]>;

const serialize = (policy: Policy) =>
  Object.entries(policy)
    .map(([directive, sources]) => [directive, ...sources].join(" "))
    .join("; ");

const HOSTED_SANITY = ["https://*.sanity.io", "wss://*.sanity.io"];
/** Where the Studio checks for updates and loads Sanity's bridge script and fonts. */
const SANITY_CDN = ["https://sanity-cdn.com", "https://*.sanity-cdn.com"];

/**
 * The lake's origin and its project subdomains (the Studio calls https://local.localhost:PORT),
 * over HTTPS and as websockets (the Studio's presence socket, which the lake answers 404).
 */
function lakeOrigins(apiHost: string): string[] {
  const { host } = new URL(apiHost);
  return [`https://${host}`, `https://*.${host}`, `wss://${host}`, `wss://*.${host}`];
}

export function securityHeaders(options: SecurityHeaderOptions): SecurityHeadersFor {
  const https = new URL(options.siteUrl).protocol === "https:";
  // Next's development runtime evaluates modules with eval (React Refresh, source maps).
  const scripts = ["'self'", "'unsafe-inline'", ...(options.development ? ["'unsafe-eval'"] : [])];
  const contentApi = options.lakeApiHost ? lakeOrigins(options.lakeApiHost) : HOSTED_SANITY;

  const site: Policy = {
    "default-src": ["'self'"],
    "script-src": scripts,
    "style-src": ["'self'", "'unsafe-inline'"],
    // Icons and images are linked by absolute URL from SITE_URL (metadataBase): ours, even when
    // the site is reached by another name.
    "img-src": ["'self'", new URL(options.siteUrl).origin, "data:", "https://cdn.sanity.io"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...options.oauthOrigins],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
  // Draft previews: framed by the Studio, and its overlays talk to the content API.
  const draft: Policy = {
    ...site,
    "connect-src": ["'self'", ...contentApi],
    "frame-ancestors": ["'self'", ...options.studioOrigins],
  };
  // The embedded Studio is a single-page app of Sanity's: it calls the content API (the lake's
  // HTTPS/2 address, or Sanity's hosts), shows its images, runs workers from blobs, and loads
  // Sanity's bridge script and fonts from Sanity's CDN when online.
  const studio: Policy = {
    ...site,
    "script-src": [...scripts, ...SANITY_CDN],
    "img-src": ["'self'", "data:", "blob:", "https://cdn.sanity.io", ...contentApi],
    "font-src": ["'self'", "data:", "https://*.sanity.io", ...SANITY_CDN],
    "connect-src": ["'self'", ...contentApi, ...HOSTED_SANITY, ...SANITY_CDN],
    "worker-src": ["'self'", "blob:"],
    "frame-src": ["'self'", ...options.studioOrigins],
  };

  const always: Array<[string, string]> = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
    // Only over https: a browser ignores it on http, and it would pin a development host.
    ...(https ? [["Strict-Transport-Security", "max-age=31536000"] as [string, string]] : []),
  ];
  const csp = (policy: Policy): [string, string] => ["Content-Security-Policy", serialize(policy)];
  const headers = {
    site: [...always, csp(site)],
    draft: [...always, csp(draft)],
    studio: [...always, csp(studio)],
  };
  return (pathname) =>
    isUnder(pathname, "/studio")
      ? headers.studio
      : isUnder(pathname, "/draft")
        ? headers.draft
        : headers.site;
}

const isUnder = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);
