import "server-only";
import { notFound } from "next/navigation";
import { shownCorrections } from "@/lib/content/corrections";
import { pageCountFor, pageSlice } from "@/lib/site/pagination";
import { sanityFetchDraft } from "./draft-fetch";
import { sanityFetch } from "./fetch";
import {
  allPostSlugsQuery,
  draftPostBySlugQuery,
  latestPostsQuery,
  postBySlugQuery,
  postCountQuery,
  relatedPostsQuery,
} from "./queries";
import { tags } from "./tags";
import type { LatestPostsQueryResult, PostBySlugQueryResult } from "./types";

// Posts as the app uses them: the query results (types from typegen) with the gaps that the
// schema allows but the site cannot show (no slug, dangling ticker references) removed once here.

type PostCardRow = LatestPostsQueryResult[number];
type PostRow = NonNullable<PostBySlugQueryResult>;

function toTickerChips(tickers: PostCardRow["tickers"]) {
  return (tickers ?? []).flatMap((ticker) =>
    ticker?.symbol
      ? [{ id: ticker._id, symbol: ticker.symbol, name: ticker.name ?? ticker.symbol }]
      : [],
  );
}

type LinkablePostRow = Pick<PostCardRow, "_id" | "title" | "slug" | "publishedAt" | "summary">;

/** What every list shows of a post; a post without a slug cannot be linked, so it is dropped. */
export function toPostLink(row: LinkablePostRow) {
  if (!row.slug) return undefined;
  return {
    id: row._id,
    slug: row.slug,
    title: row.title ?? "Untitled",
    publishedAt: row.publishedAt,
    summary: row.summary ?? "",
  };
}

function toPostSummary(row: PostCardRow) {
  const link = toPostLink(row);
  return link ? [{ ...link, tickers: toTickerChips(row.tickers) }] : [];
}

function toPost(row: PostRow, slug: string) {
  return {
    id: row._id,
    slug: row.slug ?? slug,
    title: row.title ?? "Untitled",
    publishedAt: row.publishedAt,
    summary: row.summary ?? "",
    author: row.author?.name
      ? {
          id: row.author._id,
          name: row.author.name,
          role: row.author.role,
          slug: row.author.slug,
        }
      : null,
    tickers: (row.tickers ?? []).flatMap(({ _key, note, position, ticker }) =>
      ticker?.symbol
        ? [
            {
              key: _key,
              note: note ?? "",
              position: position ?? null,
              ...ticker,
              id: ticker._id,
              symbol: ticker.symbol,
            },
          ]
        : [],
    ),
    corrections: shownCorrections(row.corrections),
    keyPoints: (row.keyPoints ?? []).map(({ _key, label, text }) => ({
      key: _key,
      label: label ?? "",
      text: text ?? "",
    })),
    body: row.body ?? [],
    recommendedTopics: (row.recommendedTopics ?? []).flatMap(({ _key, title, description }) =>
      title ? [{ key: _key, title, description: description ?? "" }] : [],
    ),
  };
}

/** Post-card rows of any list query (same projection as latestPostsQuery) as summaries. */
export function toPostSummaries(rows: readonly PostCardRow[]) {
  return rows.flatMap(toPostSummary);
}

export type PostSummary = ReturnType<typeof toPostSummary>[number];
export type TickerChip = PostSummary["tickers"][number];
export type Post = ReturnType<typeof toPost>;
export type PostBody = Post["body"];

export const LATEST_POSTS_PAGE_SIZE = 10;
/** A page of an author's, a ticker's or a topic's posts (`?page=N`, as the home page pages). */
export const POST_LIST_PAGE_SIZE = 20;

/** One page of a list, from its query's answer for the page's `[$start...$end]` and its total. */
export async function readListPage<Result extends { total: number }>(
  read: (slice: { start: number; end: number }) => Promise<Result>,
  page: number,
  pageSize = POST_LIST_PAGE_SIZE,
) {
  const result = await read(pageSlice(page, pageSize));
  return { ...result, page, pageCount: pageCountFor(result.total, pageSize) };
}

export async function listLatestPosts({ page = 1, pageSize = LATEST_POSTS_PAGE_SIZE } = {}) {
  const [rows, total] = await Promise.all([
    sanityFetch({
      query: latestPostsQuery,
      params: pageSlice(page, pageSize),
      tags: [tags.posts],
    }),
    sanityFetch({ query: postCountQuery, tags: [tags.posts] }),
  ]);
  return {
    posts: rows.flatMap(toPostSummary),
    page,
    pageCount: pageCountFor(total, pageSize),
    total,
  };
}

export async function getPostBySlug(slug: string): Promise<Post | null> {
  const row = await sanityFetch({
    query: postBySlugQuery,
    params: { slug },
    tags: [tags.post(slug)],
  });
  return row ? toPost(row, slug) : null;
}

export async function getPostBySlugOrNotFound(slug: string): Promise<Post> {
  return (await getPostBySlug(slug)) ?? notFound();
}

/**
 * A post as its latest draft reads, for draft mode only: uncached, never on public pages. With
 * `stega`, its text carries the Presentation tool's edit info (for the page, not its metadata).
 */
export async function getPostDraftBySlugOrNotFound(
  slug: string,
  { stega = false }: { stega?: boolean } = {},
): Promise<Post> {
  const row = await sanityFetchDraft({ query: draftPostBySlugQuery, params: { slug }, stega });
  return row ? toPost(row, slug) : notFound();
}

/** Other posts that link at least one of this post's tickers, newest first. */
export async function listRelatedPosts(
  post: Pick<Post, "id" | "tickers">,
  limit = 3,
): Promise<PostSummary[]> {
  const tickerIds = post.tickers.map((ticker) => ticker.id);
  if (tickerIds.length === 0) return [];
  const rows = await sanityFetch({
    query: relatedPostsQuery,
    params: { postId: post.id, tickerIds, limit },
    tags: [tags.posts],
  });
  return rows.flatMap(toPostSummary);
}

/** Every linkable post's slug, for static params, the sitemap and the feed. */
export async function listPostSlugs() {
  const rows = await sanityFetch({ query: allPostSlugsQuery, tags: [tags.posts] });
  return rows.flatMap((row) => (row.slug ? [{ slug: row.slug, updatedAt: row._updatedAt }] : []));
}
