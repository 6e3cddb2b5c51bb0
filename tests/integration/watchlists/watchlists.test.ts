import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users, watchlists } from "@/drizzle/schema";
import { createReader } from "../../support/readers";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const lists = await import("@/lib/watchlists/lists");
const { addToWatchlist } = await import("@/lib/watchlists/items");

describe.each(testDbKinds)("watchlists on %s", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("creates a default list once, however often it is asked for", async () => {
    const { db } = handle;
    const reader = await createReader(db, "default");
    const [first, second, third] = await Promise.all([
      lists.getOrCreateDefaultWatchlist(db, reader),
      lists.getOrCreateDefaultWatchlist(db, reader),
      lists.getOrCreateDefaultWatchlist(db, reader),
    ]);
    expect(first?.name).toBe("My watchlist");
    expect(second?.id).toBe(first?.id);
    expect(third?.id).toBe(first?.id);
    expect(await lists.listWatchlists(db, reader)).toHaveLength(1);
  });

  it("lists the reader's lists in order, each with its items in order", async () => {
    const { db } = handle;
    const reader = await createReader(db, "lister");
    const other = await createReader(db, "other");
    const tech = await lists.createWatchlist(db, reader, "  Tech   giants ");
    const funds = await lists.createWatchlist(db, reader, "Funds");
    await lists.createWatchlist(db, other, "Not mine");
    await addToWatchlist(db, reader, tech.id, "nvda");
    await addToWatchlist(db, reader, tech.id, "AAPL", "a note");
    await addToWatchlist(db, reader, funds.id, "IWM");

    const result = await lists.listWatchlists(db, reader);
    expect(result.map((list) => list.name)).toEqual(["Tech giants", "Funds"]);
    expect(result[0]?.items.map((item) => [item.symbol, item.note])).toEqual([
      ["NVDA", null],
      ["AAPL", "a note"],
    ]);
    expect(result[1]?.items.map((item) => item.symbol)).toEqual(["IWM"]);
    expect((await lists.getWatchlistOrThrow(db, reader, funds.id)).items).toHaveLength(1);
  });

  it("renames, refusing a name the reader already uses", async () => {
    const { db } = handle;
    const reader = await createReader(db, "renamer");
    const a = await lists.createWatchlist(db, reader, "A");
    await lists.createWatchlist(db, reader, "B");
    expect((await lists.renameWatchlist(db, reader, a.id, " Growth ")).name).toBe("Growth");
    await expect(lists.renameWatchlist(db, reader, a.id, "B")).rejects.toMatchObject({
      code: "conflict",
      message: "You already have a list called “B”.",
    });
    await expect(lists.createWatchlist(db, reader, "Growth")).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(lists.renameWatchlist(db, reader, a.id, "   ")).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(lists.createWatchlist(db, reader, "x".repeat(61))).rejects.toMatchObject({
      code: "bad_request",
    });
    // U+0000 would be Postgres error 22021, a 500: refused with a message before the database.
    for (const name of ["Gro\u0000wth", "\u0000", "Bell\u0007"]) {
      await expect(lists.createWatchlist(db, reader, name)).rejects.toMatchObject({
        code: "bad_request",
        message: "A list name can only hold printable characters.",
      });
      await expect(lists.renameWatchlist(db, reader, a.id, name)).rejects.toMatchObject({
        code: "bad_request",
      });
    }
    // Another reader may use the same name.
    const other = await createReader(db, "same-name");
    expect((await lists.createWatchlist(db, other, "Growth")).name).toBe("Growth");
  });

  it("deletes a list with its items", async () => {
    const { db } = handle;
    const reader = await createReader(db, "deleter");
    const keep = await lists.createWatchlist(db, reader, "Keep");
    const drop = await lists.createWatchlist(db, reader, "Drop");
    await addToWatchlist(db, reader, drop.id, "SPY");
    await lists.deleteWatchlist(db, reader, drop.id);
    expect((await lists.listWatchlists(db, reader)).map((list) => list.id)).toEqual([keep.id]);
    await expect(lists.deleteWatchlist(db, reader, drop.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it(`stops at ${lists.MAX_WATCHLISTS_PER_READER} lists, also when created all at once`, async () => {
    const { db } = handle;
    const reader = await createReader(db, "collector");
    const attempts = Array.from({ length: lists.MAX_WATCHLISTS_PER_READER + 5 }, (_, n) =>
      lists.createWatchlist(db, reader, `List ${n}`),
    );
    const outcomes = await Promise.allSettled(attempts);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(outcomes.length - refused.length).toBe(lists.MAX_WATCHLISTS_PER_READER);
    for (const outcome of refused) {
      expect(outcome.reason).toMatchObject({
        code: "limit_reached",
        message: "You already have 20 lists, the most a reader can keep. Delete one to make room.",
      });
    }
    expect(await lists.listWatchlists(db, reader)).toHaveLength(lists.MAX_WATCHLISTS_PER_READER);
  });

  it("refuses lists for a reader who does not exist", async () => {
    await expect(lists.createWatchlist(handle.db, "no-such-user", "X")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("goes with the reader: deleting a user deletes their lists and items", async () => {
    const { db } = handle;
    const reader = await createReader(db, "leaver");
    const list = await lists.createWatchlist(db, reader, "Leaving");
    await addToWatchlist(db, reader, list.id, "QQQ");
    await db.delete(users).where(eq(users.id, reader));
    expect(await db.select().from(watchlists).where(eq(watchlists.userId, reader))).toEqual([]);
    expect(await lists.listWatchlists(db, reader)).toEqual([]);
  });
});
