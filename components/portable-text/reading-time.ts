import { toPlainText, type PortableTextBlock } from "@portabletext/react";

// An adult reads English prose at roughly 200–250 words a minute; figures and tables slow
// that down, so the lower-middle of the range.
const WORDS_PER_MINUTE = 220;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read the body plus any extra text (key points), at least one. */
export function readingMinutes(
  body: ReadonlyArray<{ _type: string }>,
  extra: readonly string[] = [],
): number {
  const blocks = body.filter((block) => block._type === "block") as PortableTextBlock[];
  const words = countWords(toPlainText(blocks)) + extra.reduce((n, t) => n + countWords(t), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
