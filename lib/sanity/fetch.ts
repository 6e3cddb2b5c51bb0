import "server-only";
import type { ClientReturn, QueryParams } from "@sanity/client";
import { cacheLife, cacheTag } from "next/cache";
import { AppError } from "@/lib/errors";
import { sanityClient } from "./client";
import { tagsForDocumentsIn } from "./tags";

// Next allows at most 128 tags per cacheTag() call.
const TAGS_PER_CALL = 128;

type Outcome<T> = { ok: true; result: T } | { ok: false; reason: string };

async function cachedQuery<const Q extends string>(
  query: Q,
  params: QueryParams,
  tags: readonly string[],
): Promise<Outcome<ClientReturn<Q>>> {
  "use cache";
  let result: ClientReturn<Q>;
  try {
    result = await sanityClient.fetch(query, params);
  } catch (error) {
    // A failure is returned, not thrown: thrown inside a cache scope it would fail the whole
    // prerender (`next build` with no lake running). A zero lifetime keeps it out of the cache
    // and out of prerendered output: during the build this read becomes a hole filled at
    // request time; at request time the caller turns it into an AppError.
    cacheLife({ stale: 0, revalidate: 0, expire: 0 });
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`sanity: query failed (${reason}); this content is read at request time`);
    return { ok: false, reason };
  }
  // Publishing revalidates by tag through the webhook; the hourly revalidate is only a safety
  // net for a delivery that never arrived (Sanity and the lake give up after some retries).
  cacheLife({ stale: 300, revalidate: 3600, expire: 60 * 60 * 24 * 365 });
  const all = [...new Set([...tags, ...tagsForDocumentsIn(result)])];
  for (let i = 0; i < all.length; i += TAGS_PER_CALL) cacheTag(...all.slice(i, i + TAGS_PER_CALL));
  return { ok: true, result };
}

/**
 * Run a GROQ query against published content, cached until one of `tags`, or of the
 * documents in the result (see tagsForDocumentsIn), is revalidated.
 */
export async function sanityFetch<const Q extends string>({
  query,
  params = {},
  tags,
}: {
  query: Q;
  params?: QueryParams;
  tags: readonly string[];
}): Promise<ClientReturn<Q>> {
  const outcome = await cachedQuery(query, params, tags);
  if (!outcome.ok)
    throw new AppError("content_unavailable", `Could not read content: ${outcome.reason}`);
  return outcome.result;
}
