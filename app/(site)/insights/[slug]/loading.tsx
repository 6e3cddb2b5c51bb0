import { ArticleSkeleton } from "./_components/article-skeleton";

// Client navigations to an insight show its shape, not the post list's skeleton.
export default function Loading() {
  return <ArticleSkeleton />;
}
