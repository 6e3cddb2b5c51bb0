import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { csvField, toCsv } from "@/lib/csv";
import { createReader } from "./fixtures";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const { createWatchlist } = await import("@/lib/queries/watchlists");
const { addToWatchlist, setItemNote } = await import("@/lib/queries/watchlist-items");
const { watchlistCsv } = await import("@/lib/queries/watchlist-csv");

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes dates as ISO 8601, numbers as they are and nothing as empty", () => {
    expect(csvField(new Date(Date.UTC(2026, 0, 16, 9, 30)))).toBe("2026-01-16T09:30:00.000Z");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(
      toCsv([
        ["a", null],
        ["b", "c,d"],
      ]),
    ).toBe('a,\r\nb,"c,d"\r\n');
  });
});

describe.each(testDbKinds)("watchlistCsv on %s", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("exports the list in its order, with notes escaped", async () => {
    const reader = await createReader(handle.db, "exporter");
    const list = await createWatchlist(handle.db, reader, "Tech, “giants”");
    await addToWatchlist(handle.db, reader, list.id, "NVDA", '=cmd|"/c calc"!A1');
    await addToWatchlist(handle.db, reader, list.id, "BRK.B");
    await setItemNote(handle.db, reader, list.id, "BRK.B", "line one\nline, two");

    const { filename, csv } = await watchlistCsv(handle.db, reader, list.id);
    expect(filename).toBe("tech-giants.csv");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("symbol,note,added_at");
    expect(lines[1]).toMatch(/^NVDA,"'=cmd\|""\/c calc""!A1",\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(lines[2]).toMatch(/^BRK\.B,"line one\nline, two",\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(lines[3]).toBe("");
    expect(lines).toHaveLength(4);
  });

  it("exports an empty list as its header", async () => {
    const reader = await createReader(handle.db, "empty");
    const list = await createWatchlist(handle.db, reader, "!!!");
    expect(await watchlistCsv(handle.db, reader, list.id)).toEqual({
      filename: "watchlist.csv",
      csv: "symbol,note,added_at\r\n",
    });
  });
});
