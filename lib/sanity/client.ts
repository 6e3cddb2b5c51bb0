import "server-only";
import { createClient } from "@sanity/client";
import { contentSource } from "@/lib/env";
import { apiVersion } from "@/sanity/env";

// The one Sanity client the site reads with: published content only, never stega-encoded
// (metadata, cards and feeds use the same reads). Hosted project or local lake, only the host
// differs. The lake's address has no project subdomain, hence useProjectHostname: false.
export const sanityClient = createClient({
  projectId: contentSource.projectId,
  dataset: contentSource.dataset,
  apiVersion,
  ...(contentSource.apiHost ? { apiHost: contentSource.apiHost, useProjectHostname: false } : {}),
  useCdn: contentSource.useCdn,
  token: contentSource.readToken,
  perspective: "published",
  stega: false,
  timeout: 15_000,
});
