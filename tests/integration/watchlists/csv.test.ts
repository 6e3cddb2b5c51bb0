import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createReader } from "../../support/readers";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const { createWatchlist } = await import("@/lib/watchlists/lists");
const { addToWatchlist, setItemNote } = await import("@/lib/watchlists/items");
const { watchlistCsv } = await import("@/lib/watchlists/csv-export");

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
