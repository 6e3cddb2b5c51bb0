import {
  defineDocuments,
  defineLocations,
  type PresentationPluginOptions,
} from "sanity/presentation";

// Which page shows which document, for the Presentation tool. Only the article page reads drafts
// in draft mode (every other page is the published site), so a post maps to its article alone.

/** A post's article as readers see it (app/(site)/insights/[slug]). */
export const postPath = (slug: string) => `/insights/${encodeURIComponent(slug)}`;

/**
 * The same article in draft mode with Sanity's visual editing (app/(site)/draft/insights/[slug]),
 * where previews open: its own address, so reader pages carry none of that JavaScript.
 */
export const postPreviewPath = (slug: string) => `/draft${postPath(slug)}`;

const postBySlug = `_type == "post" && slug.current == $slug`;

export const resolve: PresentationPluginOptions["resolve"] = {
  // The page on screen → the document Presentation opens beside it.
  mainDocuments: defineDocuments([
    { route: "/draft/insights/:slug", filter: postBySlug },
    { route: "/insights/:slug", filter: postBySlug },
  ]),
  // A document → the pages it appears on ("Used on … pages" in the document's header).
  locations: {
    post: defineLocations({
      select: { title: "title", slug: "slug.current" },
      resolve: (post) =>
        typeof post?.slug === "string"
          ? {
              locations: [
                {
                  title: typeof post.title === "string" ? post.title : "Untitled",
                  href: postPreviewPath(post.slug),
                },
              ],
            }
          : { message: "Give the post a slug to preview it", tone: "caution" },
    }),
  },
};
