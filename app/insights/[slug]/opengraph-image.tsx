// /insights/[slug]/opengraph-image: the post's card (lib/og). Outside the (site) group so the URL has no
// group hash suffix; the post page names it in its metadata (lib/og/post-metadata.ts).
export { alt, contentType, default, generateStaticParams, size } from "@/lib/og/post-image";
