import type { Metadata } from "next";
import { Suspense } from "react";
import { homePath } from "@/lib/routes";
import { listLatestPosts } from "@/lib/sanity/posts";
import { pageAlternates } from "@/lib/site/metadata";
import { LatestPosts } from "./_components/latest-posts";

// Page 1 only, so the home page is prerendered whole. `/?page=N` never reaches it: proxy.ts
// rewrites those to latest/[page], where a page that does not exist can still be a real 404.
export const metadata: Metadata = {
  title: { absolute: "Daily Insight" },
  alternates: pageAlternates(homePath),
};

export default function HomePage() {
  return (
    <>
      <h1 className="page-title">Latest insights</h1>
      {/* Cached reads fill this at build; the boundary only matters when the lake was down then. */}
      <Suspense fallback={null}>
        <FirstPage />
      </Suspense>
    </>
  );
}

async function FirstPage() {
  const { posts, pageCount } = await listLatestPosts({ page: 1 });
  return <LatestPosts posts={posts} page={1} pageCount={pageCount} />;
}
