import type { PageLinks } from "@/lib/site/pagination";

/**
 * Previous / next links between pages of a list, with the reader's position. Plain links, not
 * next/link: proxy.ts serves `?page=N` from another route (a rewrite), and a client navigation
 * from a list's page to its `?page=2` kept page 1's posts under page 2's address (seen in
 * tests/e2e/reading.spec.ts). A document load goes through the proxy.
 */
export function Pagination({
  page,
  pageCount,
  links,
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  links: PageLinks;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {links.previous ? (
        <a href={links.previous} rel="prev" className="pagination__link">
          ← Newer
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="pagination__status">
        Page {page} of {pageCount}
      </span>
      {links.next ? (
        <a href={links.next} rel="next" className="pagination__link">
          Older →
        </a>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
