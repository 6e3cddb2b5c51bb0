import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostCard } from "@/components/post-card";
import { getTopicBySlugOrNotFound, listTopics } from "@/lib/sanity/topics";
import { topicSlug } from "@/lib/content/topics";
import { topicPath } from "@/lib/routes";

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
    alternates: { canonical: topicPath(topic.slug) },
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
