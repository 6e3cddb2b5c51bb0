import { DocumentIcon } from "@sanity/icons/Document";
import { EditIcon } from "@sanity/icons/Edit";
import { useDocumentVersions } from "sanity";
import { publishedId as publishedIdOf } from "../../lib/content/ids.ts";

/**
 * A post's icon in lists: a pencil in the caution colour until its first publish. Sanity's list
 * marks a draft with a ring only beside a published version's dot, so a post never published
 * carried no mark at all. The icon is the one place a preview may render a component (Sanity
 * refuses anything but text in the title and subtitle).
 */
export function PostMedia({ documentId }: { documentId?: string }) {
  return documentId ? <PublishStateIcon documentId={documentId} /> : <DocumentIcon />;
}

// Reads the same (shared, cached) list of versions the row's status dots read.
function PublishStateIcon({ documentId }: { documentId: string }) {
  const publishedId = publishedIdOf(documentId);
  const { versions, loading } = useDocumentVersions({ documentId: publishedId });
  const neverPublished =
    !loading && versions.length > 0 && !versions.some((version) => version._id === publishedId);
  if (!neverPublished) return <DocumentIcon />;
  return (
    <EditIcon
      role="img"
      aria-label="Not published"
      style={{ color: "var(--card-badge-caution-icon-color, #9a6700)" }}
    />
  );
}
