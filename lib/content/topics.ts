// Recommended topics are inline objects identified by their title; their slug (and URL,
// lib/routes.ts topicPath) is the title reduced to lower-case ASCII words:
// `The "Janus Effect" in Markets` → the-janus-effect-in-markets.
export function topicSlug(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 96)
    .replace(/-+$/, "");
}
