import "server-only";
import type { Metadata } from "next";
import { postPath } from "@/lib/routes";
import type { Post } from "@/lib/sanity/posts";
import { absoluteUrl } from "@/lib/site/absolute-url";
import { pageAlternates } from "@/lib/site/metadata";
import { socialCardImages } from "./metadata";

// A post's metadata, shared by the reader's article (app/(site)/insights/[slug]) and its draft
// preview (app/(site)/draft/insights/[slug]). A post read in draft mode is kept out of search
// engines; either way the post must be read without stega, which would otherwise reach the tags.

/** The same address the sitemap and feed give for a post. */
export const postUrl = (slug: string) => absoluteUrl(postPath(slug));

export function postMetadata(post: Post, { isDraftMode }: { isDraftMode: boolean }): Metadata {
  const url = postUrl(post.slug);
  const card = socialCardImages(postPath(post.slug), post.title);
  return {
    title: post.title,
    ...(isDraftMode ? { robots: { index: false, follow: false } } : {}),
    description: post.summary || undefined,
    alternates: pageAlternates(url),
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
