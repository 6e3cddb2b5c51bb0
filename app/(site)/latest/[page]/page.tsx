import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LATEST_POSTS_PAGE_SIZE, listLatestPosts, listPostSlugs } from "@/lib/sanity/posts";
import { pageCountFor, parsePageParam } from "@/lib/site/pagination";
import { latestPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";
import { LatestPosts } from "../../_components/latest-posts";

// `/?page=N` for N ≥ 2 (and any malformed `page`), rewritten here by proxy.ts; its public
// address stays `/?page=N`. A route of its own because a page number read from searchParams
// streams the home page's shell before notFound() can set the status; as a dynamic segment it is
// prerendered for the pages that exist and rendered blocking for any other, so those are 404s.

type Props = PageProps<"/latest/[page]">;

// Never empty (Cache Components refuses that): "-" is what proxy.ts sends a malformed page as.
export async function generateStaticParams(): Promise<Array<Awaited<Props["params"]>>> {
  let pageCount = 1;
  try {
    pageCount = pageCountFor((await listPostSlugs()).length, LATEST_POSTS_PAGE_SIZE);
  } catch {
    // Reported by sanityFetch; the pages render at request time instead.
  }
  return [
    { page: "-" },
    ...Array.from({ length: pageCount - 1 }, (_, index) => ({ page: String(index + 2) })),
  ];
}

async function pageFrom(params: Props["params"]): Promise<number> {
  const page = parsePageParam((await params).page);
  if (page === null || page < 2) notFound();
  return page;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageFrom(params);
  return {
    title: `Latest insights, page ${page}`,
    alternates: pageAlternates(latestPath(page)),
  };
}

export default async function LatestPage({ params }: Props) {
  const page = await pageFrom(params);
  const { posts, pageCount } = await listLatestPosts({ page });
  if (page > pageCount) notFound();
  return (
    <>
      <h1 className="page-title">Latest insights</h1>
      <LatestPosts posts={posts} page={page} pageCount={pageCount} />
    </>
  );
}
