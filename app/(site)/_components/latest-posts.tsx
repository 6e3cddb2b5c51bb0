import { Pagination } from "@/components/pagination";
import { PostCard } from "@/components/post-card";
import { StatusMessage } from "@/components/status-message";
import { pageLinks } from "@/lib/site/pagination";
import { homePath } from "@/lib/routes";
import type { PostSummary } from "@/lib/sanity/posts";

/** One page of the latest posts, as the home page (page 1) and `/?page=N` show it. */
export function LatestPosts({
  posts,
  page,
  pageCount,
}: {
  posts: PostSummary[];
  page: number;
  pageCount: number;
}) {
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
      <Pagination page={page} pageCount={pageCount} links={pageLinks(homePath, page, pageCount)} />
    </>
  );
}
