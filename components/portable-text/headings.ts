import type { PortableTextBlock } from "@portabletext/react";

// Section headings of a post body, with stable anchor ids derived from the heading text
// ("1. The Historic Winning Streak" → "1-the-historic-winning-streak"), so links to a section
// survive edits elsewhere in the post.

export type HeadingLevel = 2 | 3 | 4;
export type Heading = { key: string; id: string; text: string; level: HeadingLevel };

const HEADING_LEVELS: Record<string, HeadingLevel> = { h2: 2, h3: 3, h4: 4 };

export function slugifyHeading(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘"“”]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

type BlockLike = { _type: string; _key?: string; style?: string; children?: unknown };

function blockText(block: BlockLike): string {
  if (!Array.isArray(block.children)) return "";
  return block.children
    .map((child: unknown) =>
      child && typeof child === "object" && "text" in child && typeof child.text === "string"
        ? child.text
        : "",
    )
    .join("");
}

/** Every h2–h4 of the body in order, ids unique within the post (repeats get "-2", "-3"). */
export function extractHeadings(body: ReadonlyArray<BlockLike | PortableTextBlock>): Heading[] {
  const used = new Map<string, number>();
  const headings: Heading[] = [];
  for (const block of body as ReadonlyArray<BlockLike>) {
    const level = block._type === "block" && block.style ? HEADING_LEVELS[block.style] : undefined;
    if (!level || !block._key) continue;
    const text = blockText(block).trim();
    if (!text) continue;
    const base = slugifyHeading(text);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    headings.push({ key: block._key, id: seen ? `${base}-${seen + 1}` : base, text, level });
  }
  return headings;
}
