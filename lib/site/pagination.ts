// Page numbers from `?page=` query strings. Pure, so the routes' decisions are unit-tested.

/** The page a `?page=` value asks for, or null when it is not a page number at all. */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The page a `pages/[page]` segment names (proxy.ts rewrites `?page=N` there): 2 and up, since
 * page 1 is the list's own address; null for anything else ("-" included).
 */
export function laterPageFrom(segment: string): number | null {
  const page = parsePageParam(segment);
  return page !== null && page >= 2 ? page : null;
}

export function pageCountFor(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}

/** The GROQ slice `[$start...$end]` of one page (end exclusive). */
export function pageSlice(page: number, pageSize: number): { start: number; end: number } {
  const start = (Math.max(1, Math.floor(page)) - 1) * pageSize;
  return { start, end: start + pageSize };
}

/** Query-string href of a page: the first page is the bare path, so it has one URL. */
export function pageHref(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}

export interface PageLinks {
  previous: string | null;
  next: string | null;
}

export function pageLinks(path: string, page: number, pageCount: number): PageLinks {
  return {
    previous: page > 1 ? pageHref(path, Math.min(page - 1, pageCount)) : null,
    next: page < pageCount ? pageHref(path, page + 1) : null,
  };
}
