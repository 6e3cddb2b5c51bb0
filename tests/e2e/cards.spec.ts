import { lakeClient, siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { seedPost } from "../support/seed-post.ts";

// The social cards a shared link shows: named by absolute URL in each page's metadata, served as
// 1200×630 PNGs from the production build.
const pages = [
  { path: "/", card: "/opengraph-image" },
  { path: seedPost.path, card: `${seedPost.path}/opengraph-image` },
  { path: "/tickers/IWM", card: "/tickers/IWM/opengraph-image" },
];

for (const { path, card } of pages) {
  test(`${path} names its card and the card is a 1200×630 PNG`, async ({ page, request }) => {
    await page.goto(path);
    const ogImage = await page.locator('meta[property="og:image"]').first().getAttribute("content");
    expect(ogImage).not.toBeNull();
    const url = new URL(ogImage!);
    expect(`${url.origin}${url.pathname}`).toBe(`${siteUrl}${card}`);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
      "content",
      "summary_large_image",
    );

    const response = await request.get(ogImage!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect(response.headers()["cache-control"]).toMatch(/max-age|s-maxage/);
    const png = await response.body();
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
    expect(png.length).toBeLessThan(300 * 1024);
  });
}

test("a publish redraws the post's card, its tickers' cards and the home card", async ({
  request,
}) => {
  const client = lakeClient();
  // Each of these cards shows the seed post's title: the post's own, and as the latest
  // insight on the home card and on every ticker card of the post.
  const cards = [
    `${seedPost.path}/opengraph-image`,
    "/opengraph-image",
    ...seedPost.tickers.map((ticker) => `/tickers/${ticker.symbol}/opengraph-image`),
  ];
  const fetchCards = () =>
    Promise.all(
      cards.map(async (card) => {
        const response = await request.get(card);
        expect(response.status(), card).toBe(200);
        return { card, png: await response.body() };
      }),
    );
  const original = new Map((await fetchCards()).map(({ card, png }) => [card, png]));
  const unchanged = async () =>
    (await fetchCards())
      .filter(({ card, png }) => png.equals(original.get(card)!))
      .map((c) => c.card);
  const changed = async () =>
    (await fetchCards())
      .filter(({ card, png }) => !png.equals(original.get(card)!))
      .map((c) => c.card);

  try {
    await client
      .patch(seedPost.id)
      .set({ title: `A retitled insight ${Date.now()}` })
      .commit();
    await expect.poll(unchanged, { timeout: 5_000, intervals: [200] }).toEqual([]);
  } finally {
    await client.patch(seedPost.id).set({ title: seedPost.title }).commit();
  }
  // Drawing is deterministic: the original title brings back the very same PNGs.
  await expect.poll(changed, { timeout: 10_000, intervals: [200] }).toEqual([]);
});
