import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { laterPageFrom } from "@/lib/site/pagination";
import { TopicPage, topicPageMetadata } from "../../_components/topic-page";

// `/topics/[slug]?page=N` for N ≥ 2 (and any malformed `page`), rewritten here by proxy.ts (see
// authors/[slug]/pages/[page]).

type Props = PageProps<"/topics/[slug]/pages/[page]">;

export function generateStaticParams(): Array<Awaited<Props["params"]>> {
  return [{ slug: "-", page: "-" }];
}

async function pageOf(params: Props["params"]) {
  const { slug, page } = await params;
  return { slug, page: laterPageFrom(page) ?? notFound() };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await pageOf(params);
  return topicPageMetadata(slug, page);
}

export default async function TopicLaterPage({ params }: Props) {
  const { slug, page } = await pageOf(params);
  return <TopicPage slug={slug} page={page} />;
}
