// Sanity's document id conventions: `drafts.<id>` is a document's draft and
// `versions.<release>.<id>` its version in a release; every other id is the published document.

const DRAFTS_PREFIX = "drafts.";
const VERSIONS_PREFIX = "versions.";

/** The published id of a document, whether given its draft, a release version or itself. */
export function publishedId(id: string): string {
  if (id.startsWith(DRAFTS_PREFIX)) return id.slice(DRAFTS_PREFIX.length);
  if (id.startsWith(VERSIONS_PREFIX)) return id.split(".").slice(2).join(".");
  return id;
}
