// CSV as RFC 4180 has it (CRLF rows, fields quoted when they hold a quote, comma or line break),
// made safe to open in a spreadsheet: a field that starts like a formula (= + - @, or a tab or
// carriage return that some spreadsheets skip before one) is prefixed with an apostrophe, which
// Excel, LibreOffice and Google Sheets read as "this is text" (OWASP's CSV injection advice).

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<Parameters<typeof csvField>[0]>>): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
