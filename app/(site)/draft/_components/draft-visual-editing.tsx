"use client";

import {
  VisualEditing,
  type VisualEditingProps,
} from "next-sanity/visual-editing/client-component";

type Props = Pick<VisualEditingProps, "onPerspectiveChange" | "onVariantChange"> & {
  /** Re-renders this page from the server; settles once the page shows the result. */
  refreshPreview: () => Promise<void>;
};

/**
 * Sanity's visual editing: click-to-edit overlays drawn from the stega-encoded text, and the
 * link to the Presentation tool around the page. Presentation asks for a refresh when the
 * document being edited changes; draft reads are never cached, so a server refresh shows it.
 * Everything that touches Next is a server action passed in by the layout, so this module adds
 * nothing but next-sanity's own loader to the draft pages' JavaScript.
 */
export function DraftVisualEditing({ refreshPreview, ...props }: Props) {
  return <VisualEditing {...props} refresh={() => refreshPreview()} />;
}
