import { EyeOpenIcon } from "@sanity/icons/EyeOpen";
import { createPreviewSecret } from "@sanity/preview-url-secret/create-secret";
import { useState } from "react";
import { useClient, useCurrentUser, type DocumentActionComponent } from "sanity";
import { apiVersion, siteUrl } from "../env.ts";
import { postPreviewPath } from "../../lib/routes.ts";

type PostLike = { slug?: { current?: string } } | null;

/** The site's draft-mode entry for a post: Sanity's preview secret, then the article's path. */
export function draftModeUrl(site: string, secret: string, slug: string): string {
  const url = new URL("/api/draft-mode/enable", site);
  url.searchParams.set("sanity-preview-secret", secret);
  url.searchParams.set("sanity-preview-pathname", postPreviewPath(slug));
  return url.toString();
}

// "Preview draft" beside Publish: stores a short-lived preview secret in the dataset (as the
// Presentation tool does) and opens the article in draft mode, unpublished edits included.
export const PreviewDraftAction: DocumentActionComponent = ({ draft, published }) => {
  const client = useClient({ apiVersion });
  const user = useCurrentUser();
  const [opening, setOpening] = useState(false);
  const slug = ((draft ?? published) as PostLike)?.slug?.current;

  return {
    label: opening ? "Opening preview…" : "Preview draft",
    icon: EyeOpenIcon,
    disabled: !slug || opening,
    title: slug ? "Open the article with unpublished changes" : "Give the post a slug first",
    onHandle: () => {
      if (!slug) return;
      // Opened now, while the click still counts as a user gesture; pointed at the page below.
      const tab = window.open("about:blank", "_blank");
      setOpening(true);
      const site = siteUrl ?? window.location.origin;
      createPreviewSecret(client, "daily-insight-studio", window.location.href, user?.id)
        .then(({ secret }) => {
          const url = draftModeUrl(site, secret, slug);
          if (tab) tab.location.href = url;
          else window.location.href = url;
        })
        .catch((error: unknown) => {
          tab?.close();
          console.error("Could not create a preview secret", error);
        })
        .finally(() => setOpening(false));
    },
  };
};
