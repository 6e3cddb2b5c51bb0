import "server-only";
import type { SearchInput } from "@/lib/content/search";
import { sanityFetch } from "./fetch";
import { toPostSummaries } from "./posts";
import { searchPostsQuery } from "./queries";
import { tags } from "./tags";

export const SEARCH_RESULT_LIMIT = 30;

/** Posts matching a parsed search (lib/content/search.ts), best first. */
export async function searchPosts(input: Extract<SearchInput, { kind: "ok" }>) {
  const rows = await sanityFetch({
    query: searchPostsQuery,
    params: { terms: input.terms, symbol: input.symbol, limit: SEARCH_RESULT_LIMIT },
    tags: [tags.posts],
  });
  return toPostSummaries(rows);
}
