// Sanity's document id conventions: `drafts.<id>` for drafts, `versions.<release>.<id>` for
// release versions; everything else is published.

export const DRAFTS_PREFIX = "drafts.";
export const VERSIONS_PREFIX = "versions.";

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX);
}

export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS_PREFIX);
}

/** Drafts and release versions are private: they need a token to be read. */
export function isPrivateId(id: string): boolean {
  return isDraftId(id) || isVersionId(id);
}

/**
 * Without a token the Content Lake serves only ids that are not under a path: an id with a dot
 * (`drafts.x`, `versions.r.x`, but also `settings.secret`) is readable with a token alone.
 */
export function isPublicId(id: string): boolean {
  return !id.includes(".");
}

export function getPublishedId(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS_PREFIX.length);
  if (isVersionId(id)) return id.split(".").slice(2).join(".");
  return id;
}

export function getDraftId(id: string): string {
  return DRAFTS_PREFIX + getPublishedId(id);
}

/** The release name of a `versions.<release>.<id>` id, else undefined. */
export function getReleaseName(id: string): string | undefined {
  return isVersionId(id) ? id.split(".")[1] : undefined;
}

export const DATASET_NAME = /^[a-z0-9_-]{1,64}$/;

// Hosted Sanity's rule for document ids (sanity.io/docs/ids; @sanity/client's validateDocumentId):
// letters, digits, `_` and `-`, with `.` between path segments, no segment starting with `-`, at
// most 128 characters. Anything else (`../../etc`, U+0000, spaces) is refused on every write.
export const MAX_DOCUMENT_ID_LENGTH = 128;
const DOCUMENT_ID = /^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_][A-Za-z0-9_-]*)*$/;

/** Why `id` cannot name a new document, or undefined when it can. */
export function documentIdProblem(id: string): string | undefined {
  const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
  if (id.length > MAX_DOCUMENT_ID_LENGTH)
    return `Document ID ${shown} is ${id.length} characters long; at most ${MAX_DOCUMENT_ID_LENGTH} are allowed`;
  if (!DOCUMENT_ID.test(id))
    return `Document ID ${shown} is not valid: an ID is made of letters, digits, "_" and "-", with "." between path segments, and no segment may start with "-" or be empty`;
  return undefined;
}
