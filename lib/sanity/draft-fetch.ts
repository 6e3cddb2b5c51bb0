import "server-only";
import type { ClientPerspective, ClientReturn, QueryParams, StegaConfig } from "@sanity/client";
import { perspectiveCookieName } from "@sanity/preview-url-secret/constants";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { studioBasePath } from "@/sanity/env";
import { sanityClient } from "./client";

// Reads for draft mode only (an editor previewing unpublished changes, /api/draft-mode/enable):
// drafts overlaid on published content, with a token, and never through 'use cache', so a
// draft can never land in the cache public pages are served from. The local lake has one
// token (the write token); a hosted project should be given a read-only viewer token.
const previewToken = env.SANITY_API_READ_TOKEN ?? env.SANITY_API_WRITE_TOKEN;

export const previewClient = sanityClient.withConfig({
  token: previewToken,
  perspective: "drafts",
  useCdn: false,
  stega: false,
});

// Stega: the text an editor writes and the article shows as text carries invisible edit info
// (from the lake's Content Source Map), which the Presentation tool's click-to-edit overlays
// read. Nothing else is encoded — slugs, symbols, ids, dates and chart figures end up in URLs,
// keys, ids and computations — and metadata, JSON-LD and cards never ask for it.
const stega: StegaConfig = {
  enabled: true,
  studioUrl: studioBasePath,
  filter: ({ sourcePath, sourceDocument }) =>
    sourceDocument._type === "post" && isArticleText(sourcePath),
};

/** `title`, `keyPoints[_key=="…"].text`, `body[_key=="…"].children[_key=="…"].text`, … */
function isArticleText(path: ReadonlyArray<unknown>): boolean {
  const [field, , child, , leaf] = path;
  switch (field) {
    case "title":
    case "summary":
      return path.length === 1;
    case "keyPoints":
      return path.length === 3 && (child === "label" || child === "text");
    case "tickers":
      return path.length === 3 && child === "note";
    case "recommendedTopics":
      return path.length === 3 && (child === "title" || child === "description");
    case "body":
      return path.length === 5 && child === "children" && leaf === "text";
    default:
      return false;
  }
}

// The perspective the Presentation tool previews (its perspective switch sets this cookie
// through <VisualEditing />, and /api/draft-mode/enable from its URL); drafts otherwise.
async function previewPerspective(): Promise<ClientPerspective> {
  const value = (await cookies()).get(perspectiveCookieName)?.value;
  const names = (value ?? "").split(",").filter((name) => /^[\w-]+$/.test(name));
  if (names.length === 0) return "drafts";
  return names.length === 1 && names[0] === "published" ? "published" : names;
}

export async function sanityFetchDraft<const Q extends string>({
  query,
  params = {},
  stega: encode = false,
}: {
  query: Q;
  params?: QueryParams;
  /** Stega-encode the article's text, for what the page renders (never for metadata). */
  stega?: boolean;
}): Promise<ClientReturn<Q>> {
  if (!previewToken)
    throw new AppError("misconfigured", "Draft mode needs SANITY_API_READ_TOKEN to read drafts");
  try {
    return await previewClient.fetch(query, params, {
      perspective: await previewPerspective(),
      stega: encode ? stega : false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("content_unavailable", `Could not read drafts: ${reason}`, { cause: error });
  }
}
