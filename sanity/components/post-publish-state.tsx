import { DocumentIcon } from "@sanity/icons/Document";
import { EditIcon } from "@sanity/icons/Edit";
import { getPublishedId, useDocumentVersions } from "sanity";

export const NOT_PUBLISHED = "Not published";

// Sanity's list marks a draft with a ring only beside a published version's dot, so a post that
// was never published carried no mark at all. Its icon marks it instead, from the same (shared,
// cached) list of versions the row's status dots read. The icon is the one place a preview may
// render a component: Sanity refuses anything but text in the title and subtitle.
function useNeverPublished(documentId: string | undefined): boolean {
  const publishedId = documentId ? getPublishedId(documentId) : "";
  const { versions, loading } = useDocumentVersions({ documentId: publishedId });
  if (!documentId || loading || versions.length === 0) return false;
  return !versions.some((version) => version._id === publishedId);
}

/** A post's icon in lists: a pencil in the caution colour until its first publish. */
export function PostMedia({ documentId }: { documentId?: string }) {
  const neverPublished = useNeverPublished(documentId);
  if (!neverPublished) return <DocumentIcon />;
  return (
    <EditIcon
      role="img"
      aria-label={NOT_PUBLISHED}
      data-testid="post-not-published"
      style={{ color: "var(--card-badge-caution-icon-color, #9a6700)" }}
    />
  );
}
