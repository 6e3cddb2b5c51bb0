// Cache tag names, in one place: sanityFetch tags what it reads with these, and the webhook
// route revalidates them (lib/sanity/webhook.ts). A document is tagged by id and by the
// human key its page is found by (slug, symbol), so a page that found nothing can be
// revalidated when that slug or symbol starts to exist.

export const tags = {
  /** Every list of posts: latest, related, counts, sitemap, feed. */
  posts: "posts",
  /** Every list of tickers. */
  tickers: "tickers",
  /** Every list of authors (sitemap, static params). */
  authors: "authors",
  post: (idOrSlug: string) => `post:${idOrSlug}`,
  ticker: (idOrSymbol: string) => `ticker:${idOrSymbol}`,
  author: (id: string) => `author:${id}`,
} as const;

const documentTag: Record<string, (id: string) => string> = {
  post: tags.post,
  ticker: tags.ticker,
  author: tags.author,
};

/**
 * The tag of every post, ticker and author document that appears anywhere in a query result
 * (queries project `_id` and `_type` of what they dereference), so a change to any of them
 * revalidates this result.
 */
export function tagsForDocumentsIn(result: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const toTag = typeof record._type === "string" ? documentTag[record._type] : undefined;
    if (toTag && typeof record._id === "string") found.add(toTag(record._id));
    for (const child of Object.values(record)) visit(child);
  };
  visit(result);
  return [...found];
}
