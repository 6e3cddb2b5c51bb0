import "server-only";
import { notFound } from "next/navigation";
import { topicSlug } from "@/lib/content/topics";
import { sanityFetch } from "./fetch";
import { toPostSummaries } from "./posts";
import { allTopicTitlesQuery, postsForTopicQuery } from "./queries";
import { tags } from "./tags";

// A topic is a recommended-topic title (an inline object on posts, not a document), so topics
// change only when posts do and every read here is tagged with the posts list.

/** Every recommended topic's title, most recently recommended first, one per slug. */
export async function listTopics() {
  const titles = await sanityFetch({ query: allTopicTitlesQuery, tags: [tags.posts] });
  const bySlug = new Map<string, { slug: string; title: string }>();
  for (const title of titles) {
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

/** The topic at this slug with the posts that recommend it (and its newest description). */
export async function getTopicBySlugOrNotFound(slug: string) {
  const topic = (await getTopicBySlug(slug)) ?? notFound();
  const rows = await sanityFetch({
    query: postsForTopicQuery,
    params: { title: topic.title },
    tags: [tags.posts],
  });
  const posts = toPostSummaries(rows);
  if (posts.length === 0) notFound();
  const description = rows.find((row) => row.topicDescription)?.topicDescription ?? "";
  return { ...topic, description, posts };
}
