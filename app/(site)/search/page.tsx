import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PostCard } from "@/components/post-card";
import { SearchForm } from "@/components/search-form";
import { StatusMessage } from "@/components/status-message";
import { homePath, searchPath, tickersPath } from "@/lib/routes";
import { parseSearchInput } from "@/lib/content/search";
import { searchPosts, SEARCH_RESULT_LIMIT } from "@/lib/sanity/search";
import { pageAlternates } from "@/lib/site/metadata";

export const metadata: Metadata = {
  title: "Search",
  description: "Search Daily Insight by words or ticker symbol.",
  alternates: pageAlternates(searchPath()),
  // Result pages are endless and thin; the posts themselves are what search engines should list.
  robots: { index: false, follow: true },
};

export default function SearchPage({ searchParams }: PageProps<"/search">) {
  return (
    <>
      <h1 className="page-title">Search</h1>
      <Suspense fallback={<SearchForm />}>
        <SearchResults q={searchParams.then((params) => params.q)} />
      </Suspense>
    </>
  );
}

async function SearchResults({ q }: { q: Promise<string | string[] | undefined> }) {
  const input = parseSearchInput(await q);
  if (input.kind === "empty") {
    return (
      <>
        <SearchForm />
        <p className="page-intro">
          Search titles, summaries and full text, or enter a symbol such as{" "}
          <Link href={searchPath("IWM")}>IWM</Link>. Browse{" "}
          <Link href={tickersPath}>all tickers</Link> instead.
        </p>
      </>
    );
  }
  if (input.kind === "invalid") {
    return (
      <>
        <SearchForm defaultValue={input.query} />
        <StatusMessage title="Let’s try that again">
          <p>{input.message}</p>
        </StatusMessage>
      </>
    );
  }
  const posts = await searchPosts(input);
  return (
    <>
      <SearchForm defaultValue={input.query} />
      <p className="search-summary" role="status">
        {posts.length === 0
          ? `No insights match “${input.query}”.`
          : `${posts.length}${posts.length === SEARCH_RESULT_LIMIT ? "+" : ""} ${posts.length === 1 ? "insight matches" : "insights match"} “${input.query}”.`}
      </p>
      {posts.length === 0 ? (
        <StatusMessage title="No results">
          <p>Try fewer or different words, or a ticker symbol.</p>
          <p>
            <Link href={homePath}>Read the latest insights</Link>
          </p>
        </StatusMessage>
      ) : (
        <ol className="post-list" aria-label="Search results">
          {posts.map((post) => (
            <li key={post.id}>
              <PostCard {...post} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
