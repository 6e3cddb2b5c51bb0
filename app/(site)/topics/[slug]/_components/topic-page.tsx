import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FeedLink } from "@/components/feed-link";
import { Pagination } from "@/components/pagination";
import { PostCard } from "@/components/post-card";
import { getTopicBySlugOrNotFound } from "@/lib/sanity/topics";
import { topicSlug } from "@/lib/content/topics";
import { topicFeedTitle } from "@/lib/feed/channels";
import { topicFeedPath, topicPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";
import { pageHref, pageLinks } from "@/lib/site/pagination";

// A topic's page, a page of the posts that recommend it at a time: page 1 at /topics/[slug],
// page N at /topics/[slug]?page=N (proxy.ts rewrites it to pages/[page]).

async function topicPageOf(slug: string, page: number) {
  if (!slug || topicSlug(slug) !== slug) notFound();
  const topic = await getTopicBySlugOrNotFound(slug, { page });
  if (page > topic.pageCount) notFound();
  return topic;
}

export async function topicPageMetadata(slug: string, page: number): Promise<Metadata> {
  const topic = await topicPageOf(slug, page);
  return {
    title: page > 1 ? `${topic.title}, page ${page}` : topic.title,
    description: topic.description || `Daily Insight posts that recommend “${topic.title}”.`,
    alternates: pageAlternates(pageHref(topicPath(topic.slug), page), {
      url: topicFeedPath(topic.slug),
      title: topicFeedTitle(topic.title),
    }),
  };
}

export async function TopicPage({ slug, page }: { slug: string; page: number }) {
  const topic = await topicPageOf(slug, page);
  return (
    <>
      <header className="page-header">
        <p className="page-kicker">Topic</p>
        <h1 className="page-title">{topic.title}</h1>
        {topic.description ? <p className="page-intro">{topic.description}</p> : null}
        <FeedLink href={topicFeedPath(topic.slug)} subject={`the topic ${topic.title}`} />
      </header>
      <h2 className="section-title">Insights that recommend this topic</h2>
      <ol
        className="post-list"
        aria-label={
          page > 1 ? `Insights on ${topic.title}, page ${page}` : `Insights on ${topic.title}`
        }
      >
        {topic.posts.map((post) => (
          <li key={post.id}>
            <PostCard {...post} />
          </li>
        ))}
      </ol>
      <Pagination
        page={page}
        pageCount={topic.pageCount}
        links={pageLinks(topicPath(topic.slug), page, topic.pageCount)}
      />
    </>
  );
}
