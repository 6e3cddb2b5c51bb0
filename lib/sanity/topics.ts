import "server-only";
import { notFound } from "next/navigation";
import { topicSlug } from "@/lib/content/topics";
import { sanityFetch } from "./fetch";
import { readListPage, toPostSummaries } from "./posts";
import { allTopicTitlesQuery, postsForTopicQuery } from "./queries";
import { tags } from "./tags";

// A topic is a recommended-topic title (an inline object on posts, not a document), so topics
// change only when posts do and every read here is tagged with the posts list.

/**
 * Every recommended topic's title, one per slug, by title. Titles that differ only in case or
 * punctuation share a slug; the first of them in sort order is that slug's topic, whatever
 * order the content source lists them in.
 */
export async function listTopics() {
  const titles = await sanityFetch({ query: allTopicTitlesQuery, tags: [tags.posts] });
  const bySlug = new Map<string, { slug: string; title: string }>();
  for (const title of titles.filter((title) => title !== null).sort()) {
    const slug = title ? topicSlug(title) : "";
    if (title && slug && !bySlug.has(slug)) bySlug.set(slug, { slug, title });
  }
  return [...bySlug.values()];
}

export type Topic = Awaited<ReturnType<typeof listTopics>>[number];

/** The topic at this slug (its title), or null when no listed post recommends one. */
export async function getTopicBySlug(slug: string): Promise<Topic | null> {
  return (await listTopics()).find((candidate) => candidate.slug === slug) ?? null;
}

/**
 * The topic at this slug with one page of the posts that recommend it, newest first, and its
 * newest description; not found when no listed post recommends it.
 */
export async function getTopicBySlugOrNotFound(slug: string, { page = 1 } = {}) {
  const topic = (await getTopicBySlug(slug)) ?? notFound();
  const { posts, description, ...list } = await readListPage(
    (slice) =>
      sanityFetch({
        query: postsForTopicQuery,
        params: { title: topic.title, ...slice },
        tags: [tags.posts],
      }),
    page,
  );
  if (list.total === 0) notFound();
  return { ...topic, description: description ?? "", ...list, posts: toPostSummaries(posts) };
}
