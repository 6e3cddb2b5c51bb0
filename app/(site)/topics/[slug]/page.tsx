import type { Metadata } from "next";
import { listTopics } from "@/lib/sanity/topics";
import { TopicPage, topicPageMetadata } from "./_components/topic-page";

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

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return topicPageMetadata((await params).slug, 1);
}

export default async function TopicFirstPage({ params }: Props) {
  return <TopicPage slug={(await params).slug} page={1} />;
}
