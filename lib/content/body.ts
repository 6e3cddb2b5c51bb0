import type { PostBySlugQueryResult } from "../sanity/types.ts";

// A post body as the site's queries return it (typegen's result of postBySlugQuery; the feed's
// query projects the body the same way): text blocks whose ticker references are resolved to
// the ticker's symbol and name, and chart blocks (lib/content/chart.ts).

export type PostBody = NonNullable<NonNullable<PostBySlugQueryResult>["body"]>;
export type TextBlock = Extract<PostBody[number], { _type: "block" }>;
type MarkDef = NonNullable<TextBlock["markDefs"]>[number];

/** A `link` annotation; its href is checked before use (lib/content/links.ts). */
export type LinkMark = Extract<MarkDef, { _type: "link" }>;
/** A `tickerRef` annotation, its ticker resolved (null when the reference dangles). */
export type TickerRefMark = Extract<MarkDef, { _type: "tickerRef" }>;
