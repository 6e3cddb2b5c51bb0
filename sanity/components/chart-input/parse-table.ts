import { parseCell, parseNumber } from "./parse-cells.ts";

// Rows pasted from a spreadsheet (TSV) or a CSV file, read into chart series. The first
// column holds the labels; every other column is a series, or the low/high end of one
// ("Low", "High", "S&P 500 low", "max" …). A first row that is not numbers is the header.

export type ParsedPoint = { label: string; value?: number; low?: number; high?: number };
export type ParsedSeries = { name: string; points: ParsedPoint[] };
export type ParseResult =
  { ok: true; series: ParsedSeries[]; delimiter: "\t" | "," | ";" } | { ok: false; error: string };

/** Tabs if any line has one (spreadsheets copy TSV), else semicolons or commas, whichever splits more. */
export function detectDelimiter(text: string): "\t" | "," | ";" {
  if (text.includes("\t")) return "\t";
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  const count = (char: string) =>
    lines.reduce((sum, line) => sum + (splitRows(line, char)[0]?.length ?? 1) - 1, 0);
  return count(";") > count(",") ? ";" : ",";
}

/** RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function splitRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows
    .map((cells) => cells.map((cell) => cell.trim()))
    .filter((cells) => cells.some((cell) => cell !== ""));
}

type Column =
  | { index: number; role: "value"; series: string }
  | { index: number; role: "low" | "high"; series: string };

const END = /^(.*?)[\s_()-]*\b(low|min|from|high|max|to)\)?$/i;

function columnsFrom(header: string[] | undefined, width: number): Column[] {
  const columns: Column[] = [];
  let lastSeries: string | undefined;
  for (let index = 1; index < width; index++) {
    const name = header?.[index]?.trim() || "";
    const end = END.exec(name);
    if (header && end) {
      const base = end[1]?.trim() || lastSeries || "Value";
      const role = /^(low|min|from)$/i.test(end[2] ?? "") ? "low" : "high";
      columns.push({ index, role, series: base });
      lastSeries = base;
      continue;
    }
    const series = name || (width === 2 ? "Value" : `Series ${index}`);
    columns.push({ index, role: "value", series });
    lastSeries = series;
  }
  return columns;
}

const isYear = (cell: string) => /^(19|20)\d\d$/.test(cell.trim());

/** Words above the figures, or years above figures that are not years ("Index, 2025, 2026"). */
function isHeader(row: string[], next: string[] | undefined): boolean {
  const cells = row.slice(1);
  if (cells.some((cell) => cell !== "" && parseCell(cell) === undefined)) return true;
  if (cells.every((cell) => cell === "")) return true;
  const years = cells.filter((cell) => cell !== "").every(isYear);
  return (
    years &&
    !(next ?? [])
      .slice(1)
      .filter((cell) => cell !== "")
      .every(isYear)
  );
}

/** Chart series from pasted rows, or a message saying what to fix. */
export function parseChartTable(text: string): ParseResult {
  if (!text.trim()) return { ok: false, error: "Nothing to read: paste rows from a spreadsheet." };
  const delimiter = detectDelimiter(text);
  const rows = splitRows(text, delimiter);
  const width = Math.max(...rows.map((row) => row.length));
  if (width < 2) {
    return {
      ok: false,
      error:
        "Each row needs a label and at least one value, separated by tabs, commas or semicolons.",
    };
  }
  const header = rows[0] && isHeader(rows[0], rows[1]) ? rows[0] : undefined;
  const body = header ? rows.slice(1) : rows;
  if (body.length === 0)
    return { ok: false, error: "There are no rows of figures below the header." };

  const columns = columnsFrom(header, width);
  const names = [...new Set(columns.map((column) => column.series))];
  const series: ParsedSeries[] = names.map((name) => ({ name, points: [] }));
  const firstRow = header ? 2 : 1;

  for (const [offset, row] of body.entries()) {
    const line = firstRow + offset;
    const label = row[0]?.trim() ?? "";
    if (!label) return { ok: false, error: `Row ${line} has no label in its first column.` };
    for (const [seriesIndex, name] of names.entries()) {
      const point: ParsedPoint = { label };
      for (const column of columns.filter((candidate) => candidate.series === name)) {
        const cell = row[column.index] ?? "";
        const where = `Row ${line}, column “${header?.[column.index] || name}”`;
        if (column.role === "value") {
          const parsed = parseCell(cell);
          if (!parsed)
            return {
              ok: false,
              error: `${where}: “${cell}” is not a number or a range like 22–26.`,
            };
          if (parsed.kind === "value") point.value = parsed.value;
          if (parsed.kind === "range")
            Object.assign(point, { value: parsed.value, low: parsed.low, high: parsed.high });
        } else if (cell !== "") {
          const number = parseNumber(cell);
          if (number === undefined)
            return { ok: false, error: `${where}: “${cell}” is not a number.` };
          point[column.role] = number;
        }
      }
      const hasLow = point.low !== undefined;
      const hasHigh = point.high !== undefined;
      if (hasLow !== hasHigh)
        return {
          ok: false,
          error: `Row ${line}: “${name}” has a ${hasLow ? "low" : "high"} end but no ${hasLow ? "high" : "low"} end.`,
        };
      if (hasLow && hasHigh && (point.low as number) > (point.high as number))
        return { ok: false, error: `Row ${line}: the low end of “${name}” is above its high end.` };
      if (point.value === undefined && hasLow && hasHigh)
        point.value = ((point.low as number) + (point.high as number)) / 2;
      if (point.value !== undefined) series[seriesIndex]?.points.push(point);
    }
  }

  const drawn = series.filter((item) => item.points.length > 0);
  if (drawn.length === 0)
    return { ok: false, error: "No figures found: every value cell is empty." };
  return { ok: true, series: drawn, delimiter };
}
