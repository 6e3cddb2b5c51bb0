import Link from "next/link";
import { stegaClean } from "next-sanity";
import { Suspense } from "react";
import { JsonLd } from "@/components/json-ld";
import { PostCard } from "@/components/post-card";
import { extractHeadings } from "@/components/portable-text/headings";
import { PortableBody } from "@/components/portable-text/portable-body";
import { readingMinutes } from "@/components/portable-text/reading-time";
import { socialCardImages } from "@/lib/og/metadata";
import { postUrl } from "@/lib/og/post-metadata";
import { dateModified } from "@/lib/content/corrections";
import { authorPath, disclosuresPath, homePath, postPath } from "@/lib/routes";
import { listRelatedPosts, type Post } from "@/lib/sanity/posts";
import { absoluteUrl } from "@/lib/site/absolute-url";
import { ArticleHeader } from "./article-header";
import { Corrections } from "./corrections";
import { DraftBanner } from "./draft-banner";
import { KeyPoints } from "./key-points";
import { RecommendedTopics } from "./recommended-topics";
import { TableOfContents } from "./table-of-contents";
import { TickerStrip } from "./ticker-strip";
import "./article.css";

/**
 * A post's article, for the reader's page and for the draft preview (app/(site)/draft), which
 * reads the post with stega edit info in its text; JSON-LD is always written without it.
 */
export function InsightArticle({ post, isDraftMode }: { post: Post; isDraftMode: boolean }) {
  const headings = extractHeadings(post.body);
  const tickers = post.tickers.map((ticker) => ({
    key: ticker.key,
    id: ticker.id,
    symbol: ticker.symbol,
    name: ticker.name ?? ticker.symbol,
    note: ticker.note,
    position: ticker.position,
  }));
  const minutes = readingMinutes(
    post.body,
    post.keyPoints.map((point) => `${point.label} ${point.text}`),
  );

  return (
    <article className="article">
      {isDraftMode ? <DraftBanner path={postPath(post.slug)} /> : null}
      <JsonLd data={newsArticle(isDraftMode ? stegaClean(post) : post)} />
      <ArticleHeader
        title={post.title}
        publishedAt={post.publishedAt}
        author={post.author}
        readingMinutes={minutes}
      />
      <Corrections corrections={post.corrections} />
      <TickerStrip tickers={tickers} path={postPath(post.slug)} />
      <KeyPoints points={post.keyPoints} />
      <TableOfContents headings={headings} />
      <PortableBody value={post.body} headings={headings} tickers={tickers} />
      <RecommendedTopics topics={post.recommendedTopics} />
      <p className="article-disclosure">
        Commentary, not investment advice. The author&rsquo;s position in each ticker is stated
        beside it; read our <Link href={disclosuresPath}>disclosures</Link>.
      </p>
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
  const url = postUrl(post.slug);
  const card = socialCardImages(postPath(post.slug), post.title);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: post.title,
    image: card.openGraph.map((image) => image.url),
    description: post.summary || undefined,
    datePublished: post.publishedAt ?? undefined,
    dateModified: post.publishedAt ? dateModified(post.publishedAt, post.corrections) : undefined,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    author: post.author
      ? {
          "@type": "Person",
          name: post.author.name,
          ...(post.author.slug ? { url: absoluteUrl(authorPath(post.author.slug)) } : {}),
          ...(post.author.role ? { jobTitle: post.author.role } : {}),
        }
      : { "@type": "Organization", name: "Daily Insight" },
    // schema.org CreativeWork.correction: each correction, update or clarification, newest first.
    ...(post.corrections.length > 0
      ? {
          correction: post.corrections.map((item) => ({
            "@type": "CorrectionComment",
            name: item.title,
            text: item.text,
            datePublished: item.at,
          })),
        }
      : {}),
    publisher: { "@type": "Organization", name: "Daily Insight", url: absoluteUrl(homePath) },
    about: post.tickers.map((ticker) => ({
      "@type": "Thing",
      name: ticker.name ?? ticker.symbol,
      alternateName: ticker.symbol,
    })),
  };
}
