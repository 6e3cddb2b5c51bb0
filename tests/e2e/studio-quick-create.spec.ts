import { deletePosts, lakeClient } from "./env.ts";
import { expect, test } from "./fixtures.ts";

// A ticker that does not exist yet is created from a post's ticker mention, in place: the
// reference field's "Create" opens the new ticker beside the post, the editor fills it in and
// publishes it, and is back in the post with the mention linked to it. Publishing the post then
// makes that link an ordinary (strong) reference, as the Content Lake's publish action does.

type Mention = { _key: string; note?: string; ticker: Record<string, unknown> };
type Post = { _id: string; tickers?: Mention[] };

test.use({ viewport: { width: 1600, height: 1200 } });

test("a missing ticker is created from the mention's reference field and linked", async ({
  page,
  studio,
}) => {
  test.setTimeout(240_000);
  const client = lakeClient();
  const stamp = Date.now();
  const postId = `quick-create-${stamp}`;
  const title = `Quick-created ticker ${stamp}`;
  // Exchange-style and unique to this run: a letter, then six more letters or digits.
  const symbol = `Z${stamp.toString(36).slice(-6).toUpperCase()}`;
  const name = `Zeta Quick Holdings ${stamp}`;

  // An unpublished post, complete but for its tickers.
  await client.create({
    _id: `drafts.${postId}`,
    _type: "post",
    title,
    slug: { _type: "slug", current: `quick-created-ticker-${stamp}` },
    publishedAt: "2026-02-02T08:00:00Z",
    author: { _type: "reference", _ref: "author-daily-insight-desk" },
    summary: "A ticker nobody has covered yet.",
    body: [
      {
        _type: "block",
        _key: "p1",
        style: "normal",
        markDefs: [],
        children: [{ _type: "span", _key: "s1", text: "First coverage.", marks: [] }],
      },
    ],
  });
  const tickerIds = () =>
    client.fetch<string[]>(
      `*[_type == "ticker" && symbol == $symbol]._id`,
      { symbol },
      { perspective: "raw" },
    );
  const publishedTicker = () =>
    client.fetch<Record<string, unknown> | null>(
      `*[_type == "ticker" && symbol == $symbol][0]`,
      { symbol },
      { perspective: "published" },
    );

  try {
    await test.step("open the unpublished post", async () => {
      await studio.open();
      await studio.openPost(title);
    });

    const mention = studio.dialog;
    const ticker = studio.lastDocumentPane;
    await test.step("the symbol finds nothing; Create opens a new ticker beside the post", async () => {
      await studio.tab("Tickers").click();
      await studio.addItem("tickers");
      await mention.getByPlaceholder("Type to search").fill(symbol);
      await expect(page.getByText(`No results for “${symbol}”`)).toBeVisible();
      await mention.getByRole("button", { name: "Create" }).click();
      await expect(ticker.getByRole("heading", { name: "New Ticker" }).first()).toBeVisible();
    });

    const tickerId = await test.step("fill in the ticker and publish it", async () => {
      await ticker.getByTestId("field-symbol").getByRole("textbox").fill(symbol);
      await ticker.getByTestId("field-name").getByRole("textbox").fill(name);
      await expect(ticker.getByRole("radio", { name: "Stock" })).toBeChecked();
      // Validation (the symbol's format and uniqueness) runs after each edit.
      await expect(async () => {
        await ticker.getByTestId("action-publish").click({ timeout: 5_000 });
        expect(await publishedTicker()).not.toBeNull();
      }).toPass({ timeout: 45_000, intervals: [1_000] });
      const created = await publishedTicker();
      expect(created).toMatchObject({ _type: "ticker", symbol, name, kind: "stock" });
      return created?._id;
    });

    await test.step("back in the post, the mention links the new ticker", async () => {
      await studio.closePane(ticker);
      await expect(page.getByTestId("document-pane")).toHaveCount(1);
      await expect(studio.lastDocumentPane.getByRole("heading", { name: title })).toBeVisible();
      await expect(mention.getByRole("button", { name: new RegExp(symbol) }).first()).toBeVisible();
      await studio.input(mention, "Note").fill("Its first appearance here.");
      await mention.getByRole("radio", { name: "No position" }).check();
      await studio.closeDialog();
      await expect
        .poll(async () => (await client.getDocument<Post>(`drafts.${postId}`))?.tickers)
        .toEqual([
          expect.objectContaining({ ticker: expect.objectContaining({ _ref: tickerId }) }),
        ]);
    });

    await test.step("published, the post holds an ordinary reference to it", async () => {
      await expect(async () => {
        await studio.publishButton.click({ timeout: 5_000 });
        expect(await client.getDocument(postId)).toBeDefined();
      }).toPass({ timeout: 45_000, intervals: [1_000] });
      const published = await client.getDocument<Post>(postId);
      expect(published?.tickers).toEqual([
        {
          _key: expect.any(String),
          _type: "tickerMention",
          note: "Its first appearance here.",
          position: "none",
          ticker: { _type: "reference", _ref: tickerId },
        },
      ]);
    });
  } finally {
    await deletePosts([postId]);
    await client.delete({ query: `*[_id in $ids]`, params: { ids: await tickerIds() } });
  }
});
