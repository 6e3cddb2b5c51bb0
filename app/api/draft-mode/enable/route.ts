import { createClient } from "next-sanity";
import { defineEnableDraftMode } from "next-sanity/draft-mode";
import { previewClient } from "@/lib/sanity/draft-fetch";

// Sanity's preview handshake: the Studio (Presentation tool, or an editor's preview link)
// stores a short-lived `sanity.previewUrlSecret` document and opens
// /api/draft-mode/enable?sanity-preview-secret=…&sanity-preview-pathname=/insights/…;
// with a valid secret this turns draft mode on and redirects to the pathname.
// next-sanity checks the secret with its own copy of @sanity/client, hence the same config
// handed to its createClient.
const { projectId, dataset, apiVersion, apiHost, useProjectHostname, token } =
  previewClient.config();

export const { GET } = defineEnableDraftMode({
  client: createClient({
    projectId,
    dataset,
    apiVersion,
    apiHost,
    useProjectHostname,
    token,
    useCdn: false,
  }),
});
