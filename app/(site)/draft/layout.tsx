import {
  perspectiveChangeAction,
  variantChangeAction,
} from "next-sanity/visual-editing/server-actions";
import { draftMode } from "next/headers";
import type { ReactNode } from "react";
import { refreshPreview } from "./actions";
import { DraftVisualEditing } from "./_components/draft-visual-editing";

// Draft previews (the Studio's Presentation tool and "Preview draft" open them here, in draft
// mode) with Sanity's visual editing. A segment of its own, at its own address, because a client
// component that a reader page's layout imports is in that page's first-load JavaScript whether
// it renders or not. (A rewrite of the reader's URL in draft mode was tried: Next then answers
// these server actions' refresh with the wrong article.)
export default async function DraftLayout({ children }: { children: ReactNode }) {
  const { isEnabled } = await draftMode();
  return (
    <>
      {children}
      {isEnabled ? (
        <DraftVisualEditing
          onPerspectiveChange={perspectiveChangeAction}
          onVariantChange={variantChangeAction}
          refreshPreview={refreshPreview}
        />
      ) : null}
    </>
  );
}
