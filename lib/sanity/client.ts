import "server-only";
import { createClient } from "@sanity/client";
import { contentSource } from "@/lib/env";
import { apiVersion } from "@/sanity/env";

// The one Sanity client the site reads with: published content only, never stega-encoded
// (metadata, cards and feeds use the same reads). Hosted project or local lake, only the host
// differs. The lake's address has no project subdomain, hence useProjectHostname: false.
//
// Never through Sanity's API CDN, in production too. Every page read goes through Next's cache
// (sanityFetch), so the API is asked only when an entry is missing or revalidated, which is where
// Sanity's own Next.js guidance has `useCdn: false` (tag-based revalidation). The CDN would answer
// exactly those reads stale: it caches a result by query and parameters until a publish purges
// it, and serves the old result for a while after the purge, so the re-render a publish webhook
// asks for can read the content from before the publish. Worse, a post going live is no write at
// all: nothing purges the CDN at its time, and `publishedAt <= now()` sits in a cached query whose
// text and parameters have not changed, so the go-live watch's revalidation (go-live.ts) would
// re-render the page without the post and cache that for an hour. The go-live watch and the email
// worker read with this client too.
export const sanityClient = createClient({
  projectId: contentSource.projectId,
  dataset: contentSource.dataset,
  apiVersion,
  ...(contentSource.apiHost ? { apiHost: contentSource.apiHost, useProjectHostname: false } : {}),
  useCdn: false,
  token: contentSource.readToken,
  perspective: "published",
  stega: false,
  timeout: 15_000,
});
