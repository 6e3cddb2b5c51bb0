import type { Metadata } from "next";
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
  listPostSlugs,
  listRelatedPosts,
  type Post,
} from "@/lib/sanity/posts";
import { ArticleHeader } from "./_components/article-header";
import { ArticleSkeleton } from "./_components/article-skeleton";
import { KeyPoints } from "./_components/key-points";
import { RecommendedTopics } from "./_components/recommended-topics";
import { TableOfContents } from "./_components/table-of-contents";
import { TickerStrip } from "./_components/ticker-strip";
import "./_components/article.css";

type Params = Promise<{ slug: string }>;

// With Cache Components an empty list fails the build, so when the lake cannot be read at
// build time one placeholder slug stands in: its page reads nothing at build (the failed read
// is a request-time hole) and is a 404 at request time. Every real post then renders on its
// first visit and is cached from there.
const UNLISTED_PLACEHOLDER = "__unlisted";

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
  const { slug } = await params;
  const post = await getPostBySlugOrNotFound(slug);
  const url = canonicalUrl(post.slug);
  return {
    title: post.title,
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
    },
  };
}

export default function InsightPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<ArticleSkeleton />}>
      <Article params={params} />
    </Suspense>
  );
}

async function Article({ params }: { params: Params }) {
  const { slug } = await params;
  const post = await getPostBySlugOrNotFound(slug);
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
      <JsonLd data={newsArticle(post)} />
      <ArticleHeader
        title={post.title}
        publishedAt={post.publishedAt}
        author={post.author}
        readingMinutes={minutes}
      />
      <TickerStrip tickers={tickers} />
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
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
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
