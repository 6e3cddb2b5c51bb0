// "$IWM"-style cashtags in body text become links to the ticker page. They are turned into a
// `cashtag` annotation before rendering, so the renderer treats them like the editor's own
// `tickerRef` annotations. Symbols follow the ticker schema: a letter, up to 9 letters or
// digits, optionally a share class (BRK.B). "$100" and "US$5" are not cashtags.

const CASHTAG = /(?<![\p{L}\p{N}_$])\$([A-Z][A-Z0-9]{0,9}(?:\.[A-Z])?)(?![\p{L}\p{N}])/gu;

export type TextPart = string | { symbol: string; text: string };

/** The text cut into plain runs and cashtags, in order. */
export function splitCashtags(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CASHTAG)) {
    const symbol = match[1];
    if (!symbol) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ symbol, text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export type CashtagMarkDef = { _type: "cashtag"; _key: string; symbol: string };

type Span = { _type: string; _key?: string; text?: string; marks?: string[] };
type Block = {
  _type: string;
  _key?: string;
  children?: Span[];
  markDefs?: Array<{ _type: string; _key: string }> | null;
};

/**
 * The body with every cashtag in a span wrapped in a `cashtag` annotation. Spans already
 * inside a link, a ticker reference or code are left alone: a link cannot hold a link.
 */
export function withCashtagMarks<B extends { _type: string }>(body: readonly B[]): B[] {
  return body.map((node) => {
    const block = node as unknown as Block;
    if (block._type !== "block" || !Array.isArray(block.children)) return node;
    const markDefs = [...(block.markDefs ?? [])];
    const annotationKeys = new Set(markDefs.map((def) => def._key));
    let changed = false;
    const children = block.children.flatMap((span): Span[] => {
      const marks = span.marks ?? [];
      const text = span.text ?? "";
      if (span._type !== "span" || !text.includes("$")) return [span];
      if (marks.some((mark) => mark === "code" || annotationKeys.has(mark))) return [span];
      const parts = splitCashtags(text);
      if (!parts.some((part) => typeof part !== "string")) return [span];
      changed = true;
      return parts.map((part, index) => {
        const _key = `${span._key ?? "span"}-${index}`;
        if (typeof part === "string") return { ...span, _key, text: part };
        const markKey = `cashtag-${part.symbol}`;
        if (!markDefs.some((def) => def._key === markKey)) {
          markDefs.push({ _type: "cashtag", _key: markKey, symbol: part.symbol } as CashtagMarkDef);
        }
        return { ...span, _key, text: part.text, marks: [...marks, markKey] };
      });
    });
    return changed ? ({ ...block, children, markDefs } as unknown as B) : node;
  });
}
