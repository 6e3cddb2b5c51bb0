import type { SanityClient } from "@sanity/client";
import { validateDocumentWithWorkspace, type DocumentValidationMarker } from "@sanity/validation";
import { getFallbackLocaleSource } from "@sanity/validation/_internal";
import { createSchema } from "sanity";
import type { SanityDocument } from "sanity";
import { schemaTypes } from "../../sanity/schemaTypes/index.ts";

// The schema run through Sanity's own validator as the Studio runs it (environment "studio"),
// with `client` answering the dataset queries (uniqueness). Sanity's plain validateDocument
// runs as the CLI, which adds an unknown-fields check to object fields with `.warning()` and
// so turns every rule of such a field (the slug's too) into a warning.
const schema = createSchema({ name: "default", types: schemaTypes });

export async function studioMarkers(
  document: Record<string, unknown>,
  client: SanityClient,
): Promise<DocumentValidationMarker[]> {
  return validateDocumentWithWorkspace({
    document: {
      _id: "drafts.doc",
      _createdAt: "",
      _updatedAt: "",
      _rev: "",
      ...document,
    } as SanityDocument,
    workspace: {
      schema,
      getClient: ({ apiVersion }) => client.withConfig({ apiVersion }),
      i18n: getFallbackLocaleSource(),
    },
    getDocumentExists: async () => true,
    environment: "studio",
  });
}

/** `path: message`, with array items as `[]`. */
export function describeMarker(marker: DocumentValidationMarker): string {
  const path = marker.path.map((segment) => (typeof segment === "object" ? "[]" : segment));
  return `${path.join(".")}: ${marker.message}`;
}
