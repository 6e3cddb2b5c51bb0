import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tickerBySymbolQuery } from "@/lib/sanity/queries";
import { seedDataset } from "@/scripts/seed";
import { startTestLake, type TestLake } from "../../support/lake.ts";
import { createReader } from "../../support/readers";
import { seedDocs } from "../../support/seed-post.ts";

vi.mock("server-only", () => ({}));

const { openTestDb, testDbKinds } = await import("../../support/db");
const { listWatchlists } = await import("@/lib/watchlists/lists");
const { listWatchedSymbols } = await import("@/lib/watchlists/watched-symbols");
const { addCoveredTicker, unwatchTicker, watchTicker } = await import("@/lib/watchlists/commands");

// The watchlist actions' work, on both databases, asking a real lake seeded with the seed
// post's tickers whether we cover a symbol (as the actions ask Sanity).
let lake: TestLake;
let find: (symbol: string) => Promise<string | null>;

beforeAll(async () => {
  lake = await startTestLake();
  await seedDataset(lake.client, seedDocs);
  find = async (symbol) =>
    (await lake.anonymousClient.fetch(tickerBySymbolQuery, { symbol: symbol.trim().toUpperCase() }))
      ?.symbol ?? null;
});
afterAll(async () => {
  await lake?.stop();
});

describe.each(testDbKinds)("watchlist commands on %s", (kind) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    handle = await openTestDb(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("watching makes the reader's first list, and watching twice changes nothing", async () => {
    const reader = await createReader(handle.db, "star");
    expect(await watchTicker(handle.db, reader, "iwm", find)).toBe("Watching IWM.");
    expect(await watchTicker(handle.db, reader, "IWM", find)).toBe("Watching IWM.");
    const lists = await listWatchlists(handle.db, reader);
    expect(lists.map((list) => list.name)).toEqual(["My watchlist"]);
    expect(lists[0]?.items.map((item) => item.symbol)).toEqual(["IWM"]);
  });

  it("refuses a symbol we do not cover with a message, and stores nothing", async () => {
    const reader = await createReader(handle.db, "unknown");
    await expect(watchTicker(handle.db, reader, "ZZZZ", find)).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("We don't cover “ZZZZ”"),
    });
    expect(await listWatchlists(handle.db, reader)).toEqual([]);
  });

  it("unwatching takes the ticker off every list that holds it, and only for this reader", async () => {
    const reader = await createReader(handle.db, "unwatch");
    const other = await createReader(handle.db, "bystander");
    await watchTicker(handle.db, reader, "SPY", find);
    await watchTicker(handle.db, reader, "QQQ", find);
    await watchTicker(handle.db, other, "SPY", find);
    expect(await unwatchTicker(handle.db, reader, "spy", find)).toBe("Stopped watching SPY.");
    expect(await listWatchedSymbols(handle.db, reader)).toEqual(["QQQ"]);
    expect(await listWatchedSymbols(handle.db, other)).toEqual(["SPY"]);
  });

  it("adds a covered ticker to a chosen list once, and not to another reader's list", async () => {
    const reader = await createReader(handle.db, "adder");
    const intruder = await createReader(handle.db, "intruder");
    await watchTicker(handle.db, reader, "NVDA", find);
    const [list] = await listWatchlists(handle.db, reader);
    if (!list) throw new Error("a list was made");
    expect(await addCoveredTicker(handle.db, reader, list.id, "aapl", find)).toBe("Added AAPL.");
    expect(await addCoveredTicker(handle.db, reader, list.id, "AAPL", find)).toBe(
      "AAPL is already on this list.",
    );
    await expect(addCoveredTicker(handle.db, intruder, list.id, "IWM", find)).rejects.toMatchObject(
      { code: "not_found" },
    );
    expect(await listWatchedSymbols(handle.db, reader)).toEqual(["AAPL", "NVDA"]);
  });
});
