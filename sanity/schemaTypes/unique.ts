import type { SlugIsUniqueValidator, ValidationContext } from "sanity";
import { apiVersion } from "../env.ts";
import { isUniqueValue } from "./rules.ts";

// Uniqueness needs the dataset: ask the Studio's client for other published documents.

function fetcherFor(context: Pick<ValidationContext, "getClient">) {
  const client = context.getClient({ apiVersion }).withConfig({ perspective: "raw" });
  return (query: string, params: Record<string, unknown>) => client.fetch<unknown>(query, params);
}

export function uniqueFieldValidator(type: string, field: string, label: string) {
  return async (value: string | undefined, context: ValidationContext): Promise<true | string> => {
    const documentId = context.document?._id;
    if (!value || !documentId) return true;
    const unique = await isUniqueValue(fetcherFor(context), { type, field, value, documentId });
    return unique || `Another ${type} already uses the ${label} “${value}”`;
  };
}

export function uniqueSlug(type: string): SlugIsUniqueValidator {
  return async (slug, context) => {
    const documentId = context.document?._id;
    if (!documentId) return true;
    return isUniqueValue(fetcherFor(context), {
      type,
      field: "slug.current",
      value: slug,
      documentId,
    });
  };
}
