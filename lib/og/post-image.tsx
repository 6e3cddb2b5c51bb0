import "server-only";
import { getPostBySlug, listPostSlugs } from "@/lib/sanity/posts";
import { toPostCardData } from "./card-data";
import { PostCard } from "./post-card";
import { renderCard } from "./render";
import { CARD_CONTENT_TYPE, CARD_SIZE } from "./theme";

// app/insights/[slug]/opengraph-image.tsx and twitter-image.tsx re-export this module.
// Content comes through lib/sanity's cached reads (published perspective, stega off), so a
// card is prerendered with its post and revalidated by the same tags when the post changes.

type Params = PageProps<"/insights/[slug]">["params"];

export const size = CARD_SIZE;
export const contentType = CARD_CONTENT_TYPE;
export const alt = "Daily Insight: the post's title, date, tickers and headline chart";

// With Cache Components an empty list fails the build (as on the post page): when the lake
// cannot be read at build time one placeholder stands in, answered with a 404 unread.
const UNLISTED_PLACEHOLDER = "__unlisted";

export async function generateStaticParams(): Promise<Array<Awaited<Params>>> {
  try {
    const slugs = await listPostSlugs();
    if (slugs.length > 0) return slugs.map(({ slug }) => ({ slug }));
  } catch {
    // Reported by sanityFetch; cards then render on first request.
  }
  return [{ slug: UNLISTED_PLACEHOLDER }];
}

export default async function PostImage({ params }: { params: Params }) {
  const { slug } = await params;
  const post = slug === UNLISTED_PLACEHOLDER ? null : await getPostBySlug(slug);
  if (!post) return new Response("Not found", { status: 404 });
  return renderCard(<PostCard {...toPostCardData(post)} />);
}
