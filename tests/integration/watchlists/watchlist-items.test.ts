import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { watchlistItems } from "@/drizzle/schema";
import { createReader } from "../../support/readers";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const { createWatchlist, getWatchlistOrThrow, MAX_ITEMS_PER_WATCHLIST } =
  await import("@/lib/watchlists/lists");
const items = await import("@/lib/watchlists/items");
const { listWatchedSymbols } = await import("@/lib/watchlists/watched-symbols");

describe.each(testDbKinds)("watchlist items on %s", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function newList(name = "List") {
    const reader = await createReader(handle.db, name.toLowerCase());
    const list = await createWatchlist(handle.db, reader, name);
    const contents = async () =>
      (await getWatchlistOrThrow(handle.db, reader, list.id)).items.map((item) => ({
        symbol: item.symbol,
        note: item.note,
      }));
    return { reader, list, contents };
  }

  it("adds a symbol in upper case, once: adding it again changes nothing", async () => {
    const { reader, list, contents } = await newList();
    expect(await items.addToWatchlist(handle.db, reader, list.id, " brk.b ", "first")).toEqual({
      added: true,
      symbol: "BRK.B",
    });
    expect(await items.addToWatchlist(handle.db, reader, list.id, "BRK.B", "second")).toEqual({
      added: false,
      symbol: "BRK.B",
    });
    await items.addToWatchlist(handle.db, reader, list.id, "IWM");
    expect(await contents()).toEqual([
      { symbol: "BRK.B", note: "first" },
      { symbol: "IWM", note: null },
    ]);
    const [item] = (await getWatchlistOrThrow(handle.db, reader, list.id)).items;
    expect(item?.addedAt).toBeInstanceOf(Date);
  });

  it("refuses what cannot be a ticker symbol, with the rule", async () => {
    const { reader, list, contents } = await newList();
    for (const bad of ["", "1ABC", "TOO-LONG", "ABCDEFGHIJK", "BRK.BB", "=HYPERLINK()"]) {
      await expect(items.addToWatchlist(handle.db, reader, list.id, bad)).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringContaining("is not a ticker symbol") as unknown,
      });
    }
    expect(await contents()).toEqual([]);
  });

  it("removes a symbol, and says when it was not there", async () => {
    const { reader, list, contents } = await newList();
    await items.addToWatchlist(handle.db, reader, list.id, "SPY");
    await items.addToWatchlist(handle.db, reader, list.id, "QQQ");
    expect(await items.removeFromWatchlist(handle.db, reader, list.id, "spy")).toEqual({
      removed: true,
    });
    expect(await items.removeFromWatchlist(handle.db, reader, list.id, "SPY")).toEqual({
      removed: false,
    });
    expect(await contents()).toEqual([{ symbol: "QQQ", note: null }]);
  });

  it("sets, replaces and clears a private note", async () => {
    const { reader, list, contents } = await newList();
    await items.addToWatchlist(handle.db, reader, list.id, "NVDA");
    await items.setItemNote(handle.db, reader, list.id, "NVDA", "  watch earnings  ");
    expect(await contents()).toEqual([{ symbol: "NVDA", note: "watch earnings" }]);
    await items.setItemNote(handle.db, reader, list.id, "NVDA", "  ");
    expect(await contents()).toEqual([{ symbol: "NVDA", note: null }]);
    await expect(
      items.setItemNote(handle.db, reader, list.id, "NVDA", "x".repeat(501)),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(
      items.setItemNote(handle.db, reader, list.id, "NVDA", "earnings\u0000 date"),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "A note can only hold printable characters and line breaks.",
    });
    await items.setItemNote(handle.db, reader, list.id, "NVDA", "line one\nline\ttwo");
    expect(await contents()).toEqual([{ symbol: "NVDA", note: "line one\nline\ttwo" }]);
    await expect(items.setItemNote(handle.db, reader, list.id, "AMD", "hi")).rejects.toMatchObject({
      code: "not_found",
      message: "AMD is not in this list.",
    });
  });

  it("moves one item, clamping the place to the list", async () => {
    const { reader, list, contents } = await newList();
    for (const symbol of ["A", "B", "C", "D"])
      await items.addToWatchlist(handle.db, reader, list.id, symbol);
    const symbols = async () => (await contents()).map((item) => item.symbol);

    await items.moveItem(handle.db, reader, list.id, "d", 0);
    expect(await symbols()).toEqual(["D", "A", "B", "C"]);
    await items.moveItem(handle.db, reader, list.id, "C", 1);
    expect(await symbols()).toEqual(["D", "C", "A", "B"]);
    await items.moveItem(handle.db, reader, list.id, "A", 1);
    expect(await symbols()).toEqual(["D", "A", "C", "B"]);
    await items.moveItem(handle.db, reader, list.id, "D", 99);
    expect(await symbols()).toEqual(["A", "C", "B", "D"]);
    await items.moveItem(handle.db, reader, list.id, "B", -3);
    expect(await symbols()).toEqual(["B", "A", "C", "D"]);

    await expect(items.moveItem(handle.db, reader, list.id, "Z", 0)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await symbols()).toEqual(["B", "A", "C", "D"]);
  });

  it("lists the reader's watched symbols once each, across lists, A to Z", async () => {
    const { reader, list } = await newList("Feed");
    const second = await createWatchlist(handle.db, reader, "Second");
    await items.addToWatchlist(handle.db, reader, list.id, "TSLA");
    await items.addToWatchlist(handle.db, reader, list.id, "AAPL");
    await items.addToWatchlist(handle.db, reader, second.id, "TSLA");
    await items.addToWatchlist(handle.db, reader, second.id, "MSFT");
    const other = await newList("Other");
    await items.addToWatchlist(handle.db, other.reader, other.list.id, "GME");
    expect(await listWatchedSymbols(handle.db, reader)).toEqual(["AAPL", "MSFT", "TSLA"]);
    expect(await listWatchedSymbols(handle.db, await createReader(handle.db, "new"))).toEqual([]);
  });

  it(`holds at most ${MAX_ITEMS_PER_WATCHLIST} tickers, also under concurrent adds`, async () => {
    const { reader, list } = await newList("Full");
    const almost = MAX_ITEMS_PER_WATCHLIST - 2;
    await handle.db.insert(watchlistItems).values(
      Array.from({ length: almost }, (_, n) => ({
        watchlistId: list.id,
        symbol: `T${n}`,
        position: n,
      })),
    );
    const outcomes = await Promise.allSettled(
      ["X1", "X2", "X3", "X4", "X5"].map((symbol) =>
        items.addToWatchlist(handle.db, reader, list.id, symbol),
      ),
    );
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(3);
    for (const outcome of refused) {
      expect(outcome.reason).toMatchObject({
        code: "limit_reached",
        message:
          "This list already has 200 tickers, the most a list can hold. " +
          "Remove one or start another list.",
      });
    }
    expect((await getWatchlistOrThrow(handle.db, reader, list.id)).items).toHaveLength(
      MAX_ITEMS_PER_WATCHLIST,
    );
    // A symbol already on a full list is still a no-op, not a limit error.
    expect(await items.addToWatchlist(handle.db, reader, list.id, "T0")).toEqual({
      added: false,
      symbol: "T0",
    });
  });
});
