import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { childNamed, childrenNamed, parseXml } from "../support/xml.ts";
import { deletePosts, lakeClient } from "./env.ts";
import { expect, test } from "./fixtures.ts";

// Scheduled publishing, end to end: an editor sets a post's time a minute or so ahead in the
// Studio and publishes it. Until its time the post is nowhere a reader can look (its page and
// card are 404s; the home page, the ticker's page and count, the topic and author pages, search,
// the feeds and the sitemap leave it out); at its time it appears everywhere by itself, with
// nothing touched (the server's go-live watch, lib/sanity/go-live.ts). Then a correction is
// added: it shows at the top of the article and in its JSON-LD.

test.use({ viewport: { width: 1600, height: 1200 }, timezoneId: "Europe/Berlin" });

const AUTHOR = "author-daily-insight-desk";

/** "2027-01-18 14:30": the Studio's datetime input, in the browser's zone (Berlin). */
function berlinInput(at: Date): string {
  const day = at.toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });
  const time = at.toLocaleTimeString("en-GB", {
    timeZone: "Europe/Berlin",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${day} ${time}`;
}

test("a post scheduled in the Studio is nowhere until its time, then everywhere by itself", async ({
  page,
  request,
  studio,
}) => {
  test.setTimeout(360_000);
  const client = lakeClient();
  const stamp = Date.now();
  const postId = `scheduled-${stamp}`;
  const title = `Scheduled rotation ${stamp}`;
  const slug = `scheduled-rotation-${stamp}`;
  const topic = `Scheduling ${stamp}`;
  // A ticker of this test's own, so its page and its count on /tickers answer for this post.
  const symbol = `S${stamp.toString(36).slice(-6).toUpperCase()}`;
  const tickerId = `ticker-${symbol}`;
  await client.createOrReplace({
    _id: tickerId,
    _type: "ticker",
    symbol,
    name: `Schedule ${symbol}`,
    kind: "stock",
  });
  // A complete draft dated in the past: the editor only sets its time.
  await client.create({
    _id: `drafts.${postId}`,
    _type: "post",
    title,
    slug: { _type: "slug", current: slug },
    publishedAt: "2026-02-02T08:00:00.000Z",
    author: { _type: "reference", _ref: AUTHOR },
    summary: `Written now, read later (${stamp}).`,
    tickers: [
      {
        _key: "t",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: tickerId },
        note: `Why ${symbol} matters at the open.`,
        position: "long",
      },
    ],
    body: [
      {
        _type: "block",
        _key: "p1",
        style: "normal",
        markDefs: [],
        children: [{ _type: "span", _key: "s1", text: `Scheduled body ${stamp}.`, marks: [] }],
      },
    ],
    recommendedTopics: [
      { _key: "r", title: topic, description: "Posts that wait for their time." },
    ],
  });

  // The next whole minute at least 80 s away: the Studio's time input counts in minutes.
  const at = new Date(Math.ceil((Date.now() + 80_000) / 60_000) * 60_000);
  const topicPath = `/topics/scheduling-${stamp}`;
  const readerViews = [
    "/",
    `/tickers/${symbol}`,
    topicPath,
    "/authors/daily-insight-desk",
    `/search?q=${stamp}`,
    "/feed.xml",
    `/tickers/${symbol}/feed.xml`,
    "/sitemap.xml",
  ];

  try {
    await test.step("the editor sets its time a minute ahead and sees it scheduled", async () => {
      await studio.open();
      await studio.openPost(title);
      await studio.tab("Details").click();
      const time = studio.field("publishedAt").getByRole("textbox");
      await time.fill(berlinInput(at));
      await time.press("Enter");
      await expect
        .poll(async () => (await client.getDocument(`drafts.${postId}`))?.publishedAt, {
          timeout: 15_000,
        })
        .toBe(at.toISOString());
      // In the editor's zone (Berlin, GMT+1 in winter) and in New York's.
      await expect(
        page.getByText(/^Scheduled for .+ GMT\+1 \(.+ in New York\)$/).first(),
      ).toBeVisible({ timeout: 15_000 });
    });

    await test.step("published before its time", async () => {
      await publishOnce(
        studio.publishButton,
        async () => (await client.getDocument(postId)) !== undefined,
      );
      expect(Date.now()).toBeLessThan(at.getTime() - 5_000);
    });

    await test.step("until its time, no reader sees it anywhere", async () => {
      await expect((await request.get(`/insights/${slug}`)).status()).toBe(404);
      await expect((await request.get(`/insights/${slug}/opengraph-image`)).status()).toBe(404);
      expect(await showing(request, readerViews, slug)).toEqual([]);
      expect(await tickerCount(page, symbol)).toBe("0");
      expect(Date.now()).toBeLessThan(at.getTime());
    });

    await test.step("at its time, everywhere, with nothing touched", async () => {
      await page.waitForTimeout(Math.max(0, at.getTime() - Date.now()));
      const views = [`/insights/${slug}`, ...readerViews];
      await expect
        .poll(async () => (await showing(request, views, slug)).length, {
          timeout: 60_000,
          intervals: [1_000],
        })
        .toBe(views.length);
      const lag = Date.now() - at.getTime();
      test
        .info()
        .annotations.push({ type: "go-live", description: `every page ${lag} ms after its time` });
      expect(lag).toBeLessThan(60_000);
      expect((await request.get(`/insights/${slug}/opengraph-image`)).status()).toBe(200);
      expect(await tickerCount(page, symbol)).toBe("1");
    });

    await test.step("the ticker's feed is RSS 2.0 and its item leads with the note", async () => {
      const response = await request.get(`/tickers/${symbol}/feed.xml`);
      expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
      const rss = parseXml(await response.text());
      expect(rss.name).toBe("rss");
      expect(rss.attributes.version).toBe("2.0");
      const channel = childNamed(rss, "channel")!;
      for (const name of ["title", "link", "description"])
        expect(childNamed(channel, name)).toBeDefined();
      const item = childrenNamed(channel, "item").find((entry) =>
        childNamed(entry, "link")?.text.endsWith(`/insights/${slug}`),
      );
      expect(item, "the post's item").toBeDefined();
      expect(childNamed(item!, "title")?.text).toBe(title);
      expect(childNamed(item!, "description")?.text).toMatch(
        new RegExp(`^Why ${symbol} matters here: Why ${symbol} matters at the open\\.`),
      );
      expect(childNamed(item!, "description")?.text).toContain(`Author position: long ${symbol}`);
    });

    await test.step("a correction shows on the article and in its JSON-LD", async () => {
      // Made through the API on the published post, with the Studio closed: against the local
      // lake, a Studio edit of a post it has just published can leave its listener waiting on
      // an event chain for 30 s (packages/lake/README.md, "Known gaps").
      await page.goto("about:blank");
      await client
        .patch(postId)
        .setIfMissing({ corrections: [] })
        .prepend("corrections", [
          {
            _key: "c1",
            _type: "correction",
            kind: "correction",
            at: new Date().toISOString(),
            text: `The open was at 9:30 ET (${stamp}).`,
          },
        ])
        .commit();
      const article = await page.context().newPage();
      await expect(async () => {
        await article.goto(`/insights/${slug}`);
        await expect(article.getByRole("region", { name: "Correction" })).toContainText(
          `The open was at 9:30 ET (${stamp}).`,
          { timeout: 1_000 },
        );
      }).toPass({ timeout: 10_000 });
      const jsonLd = JSON.parse(
        (await article.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}",
      ) as Record<string, unknown>;
      expect(jsonLd.author).toMatchObject({ "@type": "Person", name: "Daily Insight Desk" });
      expect(jsonLd.correction).toEqual([
        expect.objectContaining({
          "@type": "CorrectionComment",
          text: `The open was at 9:30 ET (${stamp}).`,
        }),
      ]);
      expect(Date.parse(String(jsonLd.dateModified))).toBeGreaterThan(at.getTime());
      await article.close();
    });
  } finally {
    await deletePosts([postId]);
    await client.delete(tickerId).catch(() => undefined);
  }
});

/**
 * Publishes once: waits until validation lets Publish through, clicks it, and waits for the
 * published version. Clicked again while the first publish is under way, Publish would ask to
 * publish a draft that is gone, and the lake, like the Content Lake, answers 409.
 */
async function publishOnce(button: Locator, published: () => Promise<boolean>) {
  await expect(button).toBeEnabled({ timeout: 45_000 });
  await button.click();
  await expect.poll(published, { timeout: 30_000, intervals: [250] }).toBe(true);
}

/** The reader views (of `views`) that mention the post's slug. */
async function showing(request: APIRequestContext, views: string[], slug: string) {
  const found = await Promise.all(
    views.map(async (path) => {
      const response = await request.get(path);
      return response.ok() && (await response.text()).includes(slug) ? [path] : [];
    }),
  );
  return found.flat();
}

/** The number of posts /tickers counts for `symbol`. */
async function tickerCount(page: Page, symbol: string) {
  const tickers = await page.context().newPage();
  try {
    await tickers.goto("/tickers");
    const row = tickers
      .getByRole("row")
      .filter({ has: tickers.getByRole("link", { name: symbol, exact: true }) });
    return (await row.getByRole("cell").nth(1).textContent())?.trim();
  } finally {
    await tickers.close();
  }
}
