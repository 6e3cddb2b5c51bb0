import {
  defineDocuments,
  defineLocations,
  type PresentationPluginOptions,
} from "sanity/presentation";
import { postPreviewPath, postPreviewRoutePattern, postRoutePattern } from "../lib/routes.ts";

// Which page shows which document, for the Presentation tool. Only the article page reads drafts
// in draft mode (every other page is the published site), so a post maps to its article alone.

const postBySlug = `_type == "post" && slug.current == $slug`;

export const resolve: PresentationPluginOptions["resolve"] = {
  // The page on screen → the document Presentation opens beside it.
  mainDocuments: defineDocuments([
    { route: postPreviewRoutePattern, filter: postBySlug },
    { route: postRoutePattern, filter: postBySlug },
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
