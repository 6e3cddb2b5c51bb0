// Links in post bodies come from editors and, through Studio paste, from anywhere. The schema
// validates LINK_SCHEMES, but content written through the API skips Studio validation, so the
// renderers (the article, the feed) allow only these and render anything else (javascript:,
// data:, …) as text.

/** Links in post bodies: web pages and e-mail only (no javascript:, data:, relative paths). */
export const LINK_SCHEMES = ["http", "https", "mailto"] as const;

const SAFE_PROTOCOLS = new Set<string>(LINK_SCHEMES.map((scheme) => `${scheme}:`));
const RELATIVE_BASE = "https://relative.invalid";

export type SafeHref = { href: string; external: boolean };

/** The href to render, with whether it leaves the site; null when it must not be a link. */
export function toSafeHref(raw: unknown): SafeHref | null {
  if (typeof raw !== "string") return null;
  const href = raw.trim();
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, RELATIVE_BASE);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  // A relative reference resolves against the placeholder base; "//host" does not (it names
  // another host), so protocol-relative links count as external.
  const relative = url.origin === RELATIVE_BASE && !/^[a-z][a-z0-9+.-]*:/i.test(href);
  if (relative) return { href, external: false };
  return { href, external: url.protocol !== "mailto:" };
}

/**
 * The href for a reader away from the site (a feed reader), where nothing resolves relative
 * links: an absolute URL with one of LINK_SCHEMES, normalised; null when it must not be a link.
 */
export function toAbsoluteSafeHref(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}
