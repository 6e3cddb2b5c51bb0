import { PostCardSkeleton } from "@/components/post-card";

export default function Loading() {
  return (
    <div role="status" aria-label="Loading">
      <PostCardSkeleton />
    </div>
  );
}
