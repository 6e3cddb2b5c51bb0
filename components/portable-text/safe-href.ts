// Links in post bodies come from editors and, through Studio paste, from anywhere. The schema
// validates http(s)/mailto, but content written through the API skips Studio validation, so
// the renderer allows only these and renders anything else (javascript:, data:, …) as text.

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
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
