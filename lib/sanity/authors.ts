import "server-only";
import { notFound } from "next/navigation";
import { sanityFetch } from "./fetch";
import { readListPage, toPostSummaries } from "./posts";
import { allAuthorSlugsQuery, authorBySlugQuery, postsByAuthorQuery } from "./queries";
import { tags } from "./tags";

// Author slugs as the Studio makes them; anything else is no author, without asking the lake
// (nor caching an answer per made-up slug).
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function getAuthorBySlug(slug: string) {
  if (!SLUG_PATTERN.test(slug)) return null;
  const row = await sanityFetch({
    query: authorBySlugQuery,
    params: { slug },
    tags: [tags.author(slug)],
  });
  return row?.name
    ? {
        id: row._id,
        slug: row.slug ?? slug,
        name: row.name,
        role: row.role,
        bio: row.bio ?? null,
        disclosure: row.disclosure ?? null,
      }
    : null;
}

export type Author = NonNullable<Awaited<ReturnType<typeof getAuthorBySlug>>>;

export async function getAuthorBySlugOrNotFound(slug: string): Promise<Author> {
  return (await getAuthorBySlug(slug)) ?? notFound();
}

/** One page of the author's posts, newest first, with the page count. */
export async function listPostsByAuthor(authorId: string, { page = 1 } = {}) {
  const { posts, ...list } = await readListPage(
    (slice) =>
      sanityFetch({
        query: postsByAuthorQuery,
        params: { authorId, ...slice },
        tags: [tags.posts, tags.author(authorId)],
      }),
    page,
  );
  return { ...list, posts: toPostSummaries(posts) };
}

/** Every author's slug, for static params and the sitemap. */
export async function listAuthorSlugs() {
  const rows = await sanityFetch({ query: allAuthorSlugsQuery, tags: [tags.authors] });
  return rows.flatMap((row) => (row.slug ? [{ slug: row.slug, updatedAt: row._updatedAt }] : []));
}
