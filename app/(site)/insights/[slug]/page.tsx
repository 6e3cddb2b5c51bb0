import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { JsonLd } from "@/components/json-ld";
import { PostCard } from "@/components/post-card";
import { extractHeadings } from "@/components/portable-text/headings";
import { PortableBody } from "@/components/portable-text/portable-body";
import { readingMinutes } from "@/components/portable-text/reading-time";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/site-url";
import {
  getPostBySlugOrNotFound,
  getPostDraftBySlugOrNotFound,
  listPostSlugs,
  listRelatedPosts,
  type Post,
} from "@/lib/sanity/posts";
import { ArticleHeader } from "./_components/article-header";
import { DraftBanner } from "./_components/draft-banner";
import { KeyPoints } from "./_components/key-points";
import { RecommendedTopics } from "./_components/recommended-topics";
import { TableOfContents } from "./_components/table-of-contents";
import { TickerStrip } from "./_components/ticker-strip";
import "./_components/article.css";
import { socialCardImages } from "@/lib/og/metadata";

type Params = Promise<{ slug: string }>;

// With Cache Components an empty list fails the build, so when the lake cannot be read at
// build time one placeholder slug stands in; it is a 404 without reading content. Every real
// post then renders on its first visit (blocking, see InsightPage) and is cached from there.
const UNLISTED_PLACEHOLDER = "__unlisted";

// In draft mode (an editor's preview, /api/draft-mode/enable) the post is read as its latest
// draft, uncached; otherwise as published, from the cache. Draft mode is off while prerendering.
async function postFrom(params: Params): Promise<{ post: Post; isDraftMode: boolean }> {
  const { slug } = await params;
  if (slug === UNLISTED_PLACEHOLDER) notFound();
  const { isEnabled } = await draftMode();
  const post = await (isEnabled ? getPostDraftBySlugOrNotFound : getPostBySlugOrNotFound)(slug);
  return { post, isDraftMode: isEnabled };
}

export async function generateStaticParams(): Promise<Array<{ slug: string }>> {
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

// The same address the sitemap and feed give for a post.
const canonicalUrl = (slug: string) =>
  absoluteUrl(`/insights/${encodeURIComponent(slug)}`, env.SITE_URL);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { post, isDraftMode } = await postFrom(params);
  const url = canonicalUrl(post.slug);
  const card = socialCardImages(`/insights/${encodeURIComponent(post.slug)}`, post.title);
  return {
    title: post.title,
    ...(isDraftMode ? { robots: { index: false, follow: false } } : {}),
    description: post.summary || undefined,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: post.title,
      description: post.summary || undefined,
      publishedTime: post.publishedAt ?? undefined,
      authors: post.author ? [post.author.name] : undefined,
      tags: post.tickers.map((ticker) => ticker.symbol),
      images: card.openGraph,
    },
    twitter: { card: "summary_large_image", images: card.twitter },
  };
}

// The post is read here, at the top of the page and outside any <Suspense> (and this route has
// no loading.tsx), so a slug that is not a post is a real 404: known slugs are prerendered, and
// for any other slug the route's static shell is empty, so Next renders it before sending a
// byte and notFound() still sets the status. A boundary above this read would stream the shell
// first and commit a 200 (Next 16 docs, "Streaming: the HTTP contract").
export default async function InsightPage({ params }: { params: Params }) {
  const { post, isDraftMode } = await postFrom(params);
  const headings = extractHeadings(post.body);
  const tickers = post.tickers.map((ticker) => ({
    key: ticker.key,
    id: ticker.id,
    symbol: ticker.symbol,
    name: ticker.name ?? ticker.symbol,
    note: ticker.note,
  }));
  const minutes = readingMinutes(
    post.body,
    post.keyPoints.map((point) => `${point.label} ${point.text}`),
  );

  return (
    <article className="article">
      {isDraftMode ? <DraftBanner path={`/insights/${encodeURIComponent(post.slug)}`} /> : null}
      <JsonLd data={newsArticle(post)} />
      <ArticleHeader
        title={post.title}
        publishedAt={post.publishedAt}
        author={post.author}
        readingMinutes={minutes}
      />
      <TickerStrip tickers={tickers} path={`/insights/${post.slug}`} />
      <KeyPoints points={post.keyPoints} />
      <TableOfContents headings={headings} />
      <PortableBody value={post.body} headings={headings} tickers={tickers} />
      <RecommendedTopics topics={post.recommendedTopics} />
      <Suspense fallback={null}>
        <MorePosts post={post} />
      </Suspense>
    </article>
  );
}

async function MorePosts({ post }: { post: Post }) {
  const related = await listRelatedPosts(post);
  if (related.length === 0) return null;
  return (
    <section className="more-posts" aria-labelledby="more-posts-title">
      <h2 id="more-posts-title">More on these tickers</h2>
      <ul className="post-list">
        {related.map((item) => (
          <li key={item.id}>
            <PostCard {...item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function newsArticle(post: Post) {
  const url = canonicalUrl(post.slug);
  const card = socialCardImages(`/insights/${encodeURIComponent(post.slug)}`, post.title);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
    image: card.openGraph.map((image) => image.url),
    description: post.summary || undefined,
    datePublished: post.publishedAt ?? undefined,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    author: post.author
      ? { "@type": "Organization", name: post.author.name }
      : { "@type": "Organization", name: "Daily Insight" },
    publisher: { "@type": "Organization", name: "Daily Insight", url: env.SITE_URL },
    about: post.tickers.map((ticker) => ({
      "@type": "Thing",
      name: ticker.name ?? ticker.symbol,
      alternateName: ticker.symbol,
    })),
  };
}
