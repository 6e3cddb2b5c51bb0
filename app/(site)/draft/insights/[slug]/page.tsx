import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { postMetadata } from "@/lib/og/post-metadata";
import { getPostDraftBySlugOrNotFound } from "@/lib/sanity/posts";
import { InsightArticle } from "../../../_components/article/insight-article";

type Props = PageProps<"/draft/insights/[slug]">;

// The article where previews open, under the draft layout (visual editing): the reader's
// article, read as its latest draft with stega edit info in its text. Without draft mode, not a
// page. Metadata is the reader page's (lib/og/post-metadata.ts), from the draft without stega.
async function draftModeOrNotFound() {
  if (!(await draftMode()).isEnabled) notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await draftModeOrNotFound();
  const post = await getPostDraftBySlugOrNotFound((await params).slug);
  return postMetadata(post, { isDraftMode: true });
}

export default async function DraftInsightPage({ params }: Props) {
  await draftModeOrNotFound();
  const { slug } = await params;
  const post = await getPostDraftBySlugOrNotFound(slug, { stega: true });
  return <InsightArticle post={post} isDraftMode />;
}
