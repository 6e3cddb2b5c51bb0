import Link from "next/link";
import type { PageLinks } from "@/lib/site/pagination";

/** Previous / next links between pages of a list, with the reader's position. */
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
        <Link href={links.previous} rel="prev" className="pagination__link">
          ← Newer
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span className="pagination__status">
        Page {page} of {pageCount}
      </span>
      {links.next ? (
        <Link href={links.next} rel="next" className="pagination__link">
          Older →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
