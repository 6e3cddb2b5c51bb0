// Title sizing without a layout engine: Satori wraps text itself but cannot shrink it to fit,
// so the size is chosen up front from an estimate of each word's width in Inter Bold (em
// units per character class, rounded up so the estimate errs towards wrapping early).
// Titles wrap only between words: the chosen size is one at which every word fits on a line
// and the greedy word wrap fits the box's lines; past the smallest size the title is cut
// after the last whole word that fits, with an ellipsis.

const NARROW = new Set([..."iljI.,:;'’‘!|()[]"]);
const SEMI = new Set([...'frt-–—/"“”']);
const WIDE = new Set([..."mwMW@%"]);

/** Estimated advance of one character in Inter Bold, in em. */
function charEm(char: string): number {
  if (char === " ") return 0.28;
  if (NARROW.has(char)) return 0.3;
  if (SEMI.has(char)) return 0.42;
  if (WIDE.has(char)) return 0.92;
  if (/[0-9]/.test(char)) return 0.64;
  if (char !== char.toLowerCase()) return 0.72;
  return 0.6;
}

export function estimateWidthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charEm(char);
  return width;
}

/** Lines of a greedy word wrap at `widthEm`; Infinity when one word alone is wider. */
export function wrapWords(words: readonly string[], widthEm: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const space = estimateWidthEm(" ");
  for (const word of words) {
    const width = estimateWidthEm(word);
    if (line.length > 0 && used + space + width > widthEm) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? space : 0) + width;
    line.push(word);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

export type TitleBox = {
  width: number;
  height: number;
  /** Font sizes to try, largest first. */
  sizes: readonly number[];
  lineHeight: number;
};

export type FittedTitle = { text: string; fontSize: number; lines: number };

export function fitTitle(title: string, box: TitleBox): FittedTitle {
  const words = title.trim().split(/\s+/).filter(Boolean);
  for (const fontSize of box.sizes) {
    const widthEm = box.width / fontSize;
    const maxLines = Math.floor(box.height / (fontSize * box.lineHeight));
    if (words.some((word) => estimateWidthEm(word) > widthEm)) continue;
    const lines = wrapWords(words, widthEm);
    if (lines.length <= maxLines) return { text: words.join(" "), fontSize, lines: lines.length };
  }
  const fontSize = box.sizes[box.sizes.length - 1] ?? 32;
  return truncateToFit(words, fontSize, box);
}

function truncateToFit(words: string[], fontSize: number, box: TitleBox): FittedTitle {
  const widthEm = box.width / fontSize;
  const maxLines = Math.max(1, Math.floor(box.height / (fontSize * box.lineHeight)));
  // A single word wider than the box (a URL, a long compound) is the one case that must break.
  const fitted = words.map((word) =>
    estimateWidthEm(word) > widthEm ? cutWord(word, widthEm) : word,
  );
  if (wrapWords(fitted, widthEm).length <= maxLines) {
    return { text: fitted.join(" "), fontSize, lines: wrapWords(fitted, widthEm).length };
  }
  let kept = fitted.length;
  while (
    kept > 1 &&
    wrapWords([...fitted.slice(0, kept - 1), `${fitted[kept - 1]}…`], widthEm).length > maxLines
  ) {
    kept -= 1;
  }
  const text = `${fitted
    .slice(0, kept)
    .join(" ")
    .replace(/[\s,;:.–—-]+$/u, "")}…`;
  return { text, fontSize, lines: Math.min(maxLines, wrapWords(text.split(" "), widthEm).length) };
}

function cutWord(word: string, widthEm: number): string {
  let out = "";
  for (const char of word) {
    if (estimateWidthEm(`${out}${char}…`) > widthEm) break;
    out += char;
  }
  return `${out}…`;
}
