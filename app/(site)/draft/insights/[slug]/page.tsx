import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { getPostDraftBySlugOrNotFound } from "@/lib/sanity/posts";
import { InsightArticle } from "../../../insights/[slug]/_components/insight-article";
import { generateMetadata as generateInsightMetadata } from "../../../insights/[slug]/page";

type Props = { params: Promise<{ slug: string }> };

// The article where previews open, under the draft layout (visual editing): the reader's
// article, read as its latest draft with stega edit info in its text. Without draft mode, not a
// page. Metadata is the reader page's, which in draft mode reads the draft without stega.
async function draftModeOrNotFound() {
  if (!(await draftMode()).isEnabled) notFound();
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  await draftModeOrNotFound();
  return generateInsightMetadata(props);
}

export default async function DraftInsightPage({ params }: Props) {
  await draftModeOrNotFound();
  const { slug } = await params;
  const post = await getPostDraftBySlugOrNotFound(slug, { stega: true });
  return <InsightArticle post={post} isDraftMode />;
}
