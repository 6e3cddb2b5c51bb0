import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FeedLink } from "@/components/feed-link";
import { PostCard } from "@/components/post-card";
import { getTopicBySlugOrNotFound, listTopics } from "@/lib/sanity/topics";
import { topicSlug } from "@/lib/content/topics";
import { topicFeedTitle } from "@/lib/feed/channels";
import { topicFeedPath, topicPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";

type Props = PageProps<"/topics/[slug]">;

// See tickers/[symbol]: never empty, and the placeholder renders the 404 without reading content.
export async function generateStaticParams(): Promise<Array<Awaited<Props["params"]>>> {
  try {
    const topics = await listTopics();
    if (topics.length > 0) return topics.map(({ slug }) => ({ slug }));
  } catch {
    // Reported by sanityFetch; the pages render at request time instead.
  }
  return [{ slug: "-" }];
}

async function topicFrom(params: Props["params"]) {
  const { slug } = await params;
  if (!slug || topicSlug(slug) !== slug) notFound();
  return getTopicBySlugOrNotFound(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await topicFrom(params);
  return {
    title: topic.title,
    description: topic.description || `Daily Insight posts that recommend “${topic.title}”.`,
    alternates: pageAlternates(topicPath(topic.slug), {
      url: topicFeedPath(topic.slug),
      title: topicFeedTitle(topic.title),
    }),
  };
}

export default async function TopicPage({ params }: Props) {
  const topic = await topicFrom(params);
  return (
    <>
      <header className="page-header">
        <p className="page-kicker">Topic</p>
        <h1 className="page-title">{topic.title}</h1>
        {topic.description ? <p className="page-intro">{topic.description}</p> : null}
        <FeedLink href={topicFeedPath(topic.slug)} subject={`the topic ${topic.title}`} />
      </header>
      <h2 className="section-title">Insights that recommend this topic</h2>
      <ol className="post-list" aria-label={`Insights on ${topic.title}`}>
        {topic.posts.map((post) => (
          <li key={post.id}>
            <PostCard {...post} />
          </li>
        ))}
      </ol>
    </>
  );
}
