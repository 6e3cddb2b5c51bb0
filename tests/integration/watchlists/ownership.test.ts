import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createReader } from "../../support/readers";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const lists = await import("@/lib/watchlists/lists");
const items = await import("@/lib/watchlists/items");
const { watchlistCsv } = await import("@/lib/watchlists/csv-export");

// Reader B knows the id of reader A's list (from a URL, a guess, a form they edited). Every
// query must treat it as a list that does not exist for B, and leave A's data as it was.
describe.each(testDbKinds)("another reader's list on %s", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  let alice: string;
  let bob: string;
  let alicesList: string;
  let bobsList: string;
  const snapshot = () => lists.listWatchlists(handle.db, alice);
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    handle = await openTestDb(kind);
    alice = await createReader(handle.db, "alice");
    bob = await createReader(handle.db, "bob");
    alicesList = (await lists.createWatchlist(handle.db, alice, "Alice's")).id;
    bobsList = (await lists.createWatchlist(handle.db, bob, "Bob's")).id;
    await items.addToWatchlist(handle.db, alice, alicesList, "IWM", "private");
    await items.addToWatchlist(handle.db, alice, alicesList, "SPY");
    before = await snapshot();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const attempts: Array<[string, () => Promise<unknown>]> = [
    ["read it", () => lists.getWatchlistOrThrow(handle.db, bob, alicesList)],
    ["export it", () => watchlistCsv(handle.db, bob, alicesList)],
    ["rename it", () => lists.renameWatchlist(handle.db, bob, alicesList, "Mine now")],
    ["delete it", () => lists.deleteWatchlist(handle.db, bob, alicesList)],
    ["add to it", () => items.addToWatchlist(handle.db, bob, alicesList, "GME")],
    ["add an item it has", () => items.addToWatchlist(handle.db, bob, alicesList, "IWM")],
    ["remove from it", () => items.removeFromWatchlist(handle.db, bob, alicesList, "IWM")],
    ["note on it", () => items.setItemNote(handle.db, bob, alicesList, "IWM", "gotcha")],
    ["move in it", () => items.moveItem(handle.db, bob, alicesList, "SPY", 0)],
    ["use a malformed id", () => lists.getWatchlistOrThrow(handle.db, bob, "not-a-uuid")],
  ];

  it.each(attempts)("refuses B trying to %s, changing nothing", async (_, attempt) => {
    await expect(attempt()).rejects.toMatchObject({
      code: "not_found",
      message: "That watchlist does not exist or is not yours.",
    });
    expect(await snapshot()).toEqual(before);
    expect((await lists.listWatchlists(handle.db, bob)).map((list) => list.id)).toEqual([bobsList]);
  });

  it("leaves A's list in B's view of the world nowhere", async () => {
    expect(await lists.listWatchlists(handle.db, bob)).toMatchObject([{ id: bobsList, items: [] }]);
  });
});
