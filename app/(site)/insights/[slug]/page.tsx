import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { postMetadata } from "@/lib/og/post-metadata";
import {
  getPostBySlugOrNotFound,
  getPostDraftBySlugOrNotFound,
  listPostSlugs,
  type Post,
} from "@/lib/sanity/posts";
import { InsightArticle } from "../../_components/article/insight-article";

type Props = PageProps<"/insights/[slug]">;

// With Cache Components an empty list fails the build, so when the lake cannot be read at
// build time one placeholder slug stands in; it is a 404 without reading content. Every real
// post then renders on its first visit (blocking, see InsightPage) and is cached from there.
const UNLISTED_PLACEHOLDER = "__unlisted";

// In draft mode (an editor's preview, /api/draft-mode/enable) the post is read as its latest
// draft, uncached; otherwise as published, from the cache. Draft mode is off while prerendering.
async function postFrom(params: Props["params"]): Promise<{ post: Post; isDraftMode: boolean }> {
  const { slug } = await params;
  if (slug === UNLISTED_PLACEHOLDER) notFound();
  const { isEnabled } = await draftMode();
  const post = await (isEnabled ? getPostDraftBySlugOrNotFound : getPostBySlugOrNotFound)(slug);
  return { post, isDraftMode: isEnabled };
}

export async function generateStaticParams(): Promise<Array<Awaited<Props["params"]>>> {
  try {
    const slugs = await listPostSlugs();
    if (slugs.length > 0) return slugs.map(({ slug }) => ({ slug }));
  } catch (error) {
    console.warn(
      `insights: no post slugs at build (${error instanceof Error ? error.message : String(error)}); posts render on first visit`,
    );
  }
  return [{ slug: UNLISTED_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { post, isDraftMode } = await postFrom(params);
  return postMetadata(post, { isDraftMode });
}

// The post is read here, at the top of the page and outside any <Suspense> (and this route has
// no loading.tsx), so a slug that is not a post is a real 404: known slugs are prerendered, and
// for any other slug the route's static shell is empty, so Next renders it before sending a
// byte and notFound() still sets the status. A boundary above this read would stream the shell
// first and commit a 200 (Next 16 docs, "Streaming: the HTTP contract").
export default async function InsightPage({ params }: Props) {
  const { post, isDraftMode } = await postFrom(params);
  return <InsightArticle post={post} isDraftMode={isDraftMode} />;
}
