import { Suspense } from "react";
import { PostCard, PostCardSkeleton } from "@/components/post-card";
import { StatusMessage } from "@/components/status-message";
import { listLatestPosts } from "@/lib/sanity/posts";

export default function HomePage() {
  return (
    <>
      <h1 className="page-title">Latest insights</h1>
      <Suspense fallback={<PostListSkeleton />}>
        <LatestPosts />
      </Suspense>
    </>
  );
}

async function LatestPosts() {
  const { posts } = await listLatestPosts();
  if (posts.length === 0) {
    return (
      <StatusMessage title="No insights yet">Published insights will appear here.</StatusMessage>
    );
  }
  return (
    <ol className="post-list" aria-label="Latest insights">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard {...post} />
        </li>
      ))}
    </ol>
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
