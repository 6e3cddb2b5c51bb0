import "server-only";
import type { ClientReturn, QueryParams } from "@sanity/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sanityClient } from "./client";

// Reads for draft mode only (an editor previewing unpublished changes, /api/draft-mode/enable):
// drafts overlaid on published content, with a token, and never through 'use cache', so a
// draft can never land in the cache public pages are served from. The local lake has one
// token (the write token); a hosted project should be given a read-only viewer token.
const previewToken = env.SANITY_API_READ_TOKEN ?? env.SANITY_API_WRITE_TOKEN;

export const previewClient = sanityClient.withConfig({
  token: previewToken,
  perspective: "drafts",
  useCdn: false,
  stega: false,
});

export async function sanityFetchDraft<const Q extends string>({
  query,
  params = {},
}: {
  query: Q;
  params?: QueryParams;
}): Promise<ClientReturn<Q>> {
  if (!previewToken)
    throw new AppError("misconfigured", "Draft mode needs SANITY_API_READ_TOKEN to read drafts");
  try {
    return await previewClient.fetch(query, params);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("content_unavailable", `Could not read drafts: ${reason}`, { cause: error });
  }
}
