import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { Pagination } from "@/components/pagination";
import { PostCard, PostCardSkeleton } from "@/components/post-card";
import { StatusMessage } from "@/components/status-message";
import { pageHref, pageLinks, parsePageParam } from "@/lib/pagination";
import { listLatestPosts } from "@/lib/sanity/posts";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams;
}): Promise<Metadata> {
  const page = parsePageParam((await searchParams).page) ?? 1;
  return {
    title: page > 1 ? `Latest insights, page ${page}` : { absolute: "Daily Insight" },
    alternates: { canonical: pageHref("/", page), types: { "application/rss+xml": "/feed.xml" } },
  };
}

export default function HomePage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <>
      <h1 className="page-title">Latest insights</h1>
      <Suspense fallback={<PostListSkeleton />}>
        <LatestPosts page={searchParams.then((params) => params.page)} />
      </Suspense>
    </>
  );
}

async function LatestPosts({ page: pageParam }: { page: Promise<string | string[] | undefined> }) {
  const page = parsePageParam(await pageParam);
  if (page === null) notFound();
  const { posts, pageCount } = await listLatestPosts({ page });
  if (page > pageCount) notFound();
  if (posts.length === 0) {
    return (
      <StatusMessage title="No insights yet">Published insights will appear here.</StatusMessage>
    );
  }
  // The newest post leads the first page.
  const lead = page === 1 ? posts[0] : undefined;
  const rest = lead ? posts.slice(1) : posts;
  return (
    <>
      {lead ? (
        <div className="featured-post">
          <PostCard {...lead} featured />
        </div>
      ) : null}
      {rest.length > 0 ? (
        <ol
          className="post-list"
          aria-label={page === 1 ? "More insights" : `Insights, page ${page}`}
        >
          {rest.map((post) => (
            <li key={post.id}>
              <PostCard {...post} />
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination page={page} pageCount={pageCount} links={pageLinks("/", page, pageCount)} />
    </>
  );
}

function PostListSkeleton() {
  return (
    <div role="status" aria-label="Loading insights" className="post-list">
      <PostCardSkeleton />
      <PostCardSkeleton />
      <PostCardSkeleton />
    </div>
  );
}
