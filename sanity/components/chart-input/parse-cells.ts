// Reading numbers the way spreadsheets copy them: "18", "18x", "5.8%", "$1,200", "18,5"
// (decimal comma), and ranges: "22-26", "22x–26x", "22 to 26", "24 (22–26)".

export type CellValue =
  | { kind: "empty" }
  | { kind: "value"; value: number }
  | { kind: "range"; value: number; low: number; high: number };

const NUMBER = String.raw`[-−]?\$?\s*\d[\d.,\s]*`;
const UNIT = String.raw`\s*(?:%|x|×|bp|pp)?`;
const RANGE = new RegExp(
  String.raw`^(${NUMBER})${UNIT}\s*(?:-|–|—|\bto\b)\s*(${NUMBER})${UNIT}$`,
  "i",
);
const VALUE_WITH_RANGE = new RegExp(
  String.raw`^(${NUMBER})${UNIT}\s*\(\s*(${NUMBER})${UNIT}\s*(?:-|–|—|\bto\b)\s*(${NUMBER})${UNIT}\s*\)$`,
  "i",
);

/**
 * A number as a spreadsheet shows it, or undefined. With both "." and "," the last one is
 * the decimal separator ("1.234,5", "1,234.5"); with only commas, groups of three are
 * thousands ("1,234") and anything else is a decimal comma ("18,5").
 */
export function parseNumber(text: string): number | undefined {
  let s = text.trim().replace(/^\((.*)\)$/, "-$1"); // accounting negatives: (12) → -12
  s = s.replace(/[−–]/g, "-").replace(/[$€£\s\u00a0']/g, "");
  s = s.replace(/(%|x|×|bp|pp)$/i, "");
  if (!/^[-+]?[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    s = lastComma > lastDot ? s.replaceAll(".", "").replace(",", ".") : s.replaceAll(",", "");
  } else if (lastComma >= 0) {
    s = /^[-+]?\d{1,3}(,\d{3})+$/.test(s) ? s.replaceAll(",", "") : s.replace(",", ".");
  } else if ((s.match(/\./g) ?? []).length > 1) {
    s = /^[-+]?\d{1,3}(\.\d{3})+$/.test(s) ? s.replaceAll(".", "") : s;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** A table cell: empty, a number, or a range (its value is the midpoint unless given). */
export function parseCell(text: string): CellValue | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "—" || trimmed === "-") return { kind: "empty" };
  const single = parseNumber(trimmed);
  if (single !== undefined) return { kind: "value", value: single };
  const withRange = VALUE_WITH_RANGE.exec(trimmed);
  if (withRange) {
    const [value, low, high] = [withRange[1], withRange[2], withRange[3]].map((part) =>
      parseNumber(part ?? ""),
    );
    if (value !== undefined && low !== undefined && high !== undefined && low <= high)
      return { kind: "range", value, low, high };
    return undefined;
  }
  const range = RANGE.exec(trimmed);
  if (range) {
    const low = parseNumber(range[1] ?? "");
    const high = parseNumber(range[2] ?? "");
    if (low !== undefined && high !== undefined && low <= high)
      return { kind: "range", value: (low + high) / 2, low, high };
  }
  return undefined;
}

const plain = (value: number) => String(Number(value.toFixed(6)));

/** How the table shows a point: "18", "22–26", or "25 (22–26)" off the midpoint. */
export function formatCell(point: { value?: number; low?: number; high?: number }): string {
  const { value, low, high } = point;
  if (typeof low === "number" && typeof high === "number") {
    const range = `${plain(low)}–${plain(high)}`;
    return typeof value === "number" && value !== (low + high) / 2
      ? `${plain(value)} (${range})`
      : range;
  }
  return typeof value === "number" ? plain(value) : "";
}
