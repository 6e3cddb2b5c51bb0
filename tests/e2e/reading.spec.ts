import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import type { Locator, Page } from "@playwright/test";
import { topicSlug } from "../../lib/content/topics.ts";
import {
  authorFeedTitle,
  SITE_FEED_TITLE,
  tickerFeedTitle,
  topicFeedTitle,
} from "../../lib/feed/channels.ts";
import {
  authorFeedPath,
  authorPath,
  disclosuresPath,
  feedPath,
  homePath,
  tickerFeedPath,
  tickerPath,
  topicFeedPath,
  topicPath,
} from "../../lib/routes.ts";
import { deletePosts, lakeClient, siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { seedAuthor, seedPost, seedTicker } from "../support/seed-post.ts";

// A reader's view of the seed post against the production build: every part of the article,
// the ticker pages it links to, real HTTP statuses, freshness after publishing, and the keyboard.

const SECTION_HEADINGS = [
  { level: 2, name: "1. The Historic Winning Streak" },
  { level: 2, name: "2. Macro Catalysts Driving the Rally" },
  { level: 3, name: "2.1 The Federal Reserve Pivot" },
  { level: 3, name: '2.2 The "Earnings Handoff"' },
  { level: 2, name: '3. Valuation Dynamics: The "Coiled Spring"' },
  { level: 2, name: "4. Is the Rotation Durable?" },
  { level: 3, name: "4.1 The Bull Case: A Structural Shift" },
  { level: 3, name: "4.2 The Bear Case: Labor Market Risks" },
  { level: 2, name: "5. Sector Implications" },
] as const;

test("the article shows every part of the seed post", async ({ page, articlePage: article }) => {
  await test.step("the header: kicker, title, date and author", async () => {
    const response = await article.goto(seedPost.path);
    expect(response?.status()).toBe(200);
    await expect(article.article.getByText("Daily Insight", { exact: true })).toBeVisible();
    await expect(article.title).toHaveText(seedPost.title);
    await expect(page).toHaveTitle(`${seedPost.title} · Daily Insight`);
    await expect(article.article.getByText("January 16, 2026", { exact: true })).toBeVisible();
    // The byline leads to the author's page (their bio and standing disclosure).
    await expect(
      article.article.getByRole("link", { name: seedAuthor.name, exact: true }),
    ).toHaveAttribute("href", authorPath(seedAuthor.slug));
  });

  await test.step("every key point", async () => {
    await expect(article.keyPoints.getByRole("listitem")).toHaveCount(seedPost.keyPoints.length);
    for (const point of seedPost.keyPoints) {
      await expect(
        article.keyPoints.getByRole("listitem").filter({ hasText: point.label }),
      ).toContainText(point.text);
    }
  });

  await test.step("every section heading, at its level", async () => {
    for (const heading of SECTION_HEADINGS) {
      await expect(
        article.article.getByRole("heading", { level: heading.level, name: heading.name }),
      ).toBeVisible();
    }
  });

  await test.step("every ticker with its note and its page", async () => {
    await expect(article.tickerStrip.getByRole("listitem")).toHaveCount(seedPost.tickers.length);
    for (const ticker of seedPost.tickers) {
      const item = article.tickerItem(ticker.symbol);
      await expect(item).toBeVisible();
      await expect(item).toContainText(ticker.note);
      await expect(item.getByRole("link", { name: ticker.symbol, exact: true })).toHaveAttribute(
        "href",
        `/tickers/${ticker.symbol}`,
      );
    }
  });

  const chart = article.chart(/Forward P\/E Ratio Comparison/);
  await test.step("the chart: a bar from zero and a range", async () => {
    await expect(chart).toBeVisible();
    const drawing = chart.getByRole("img", { name: /Forward P\/E Ratio Comparison/ });
    await expect(drawing).toBeVisible();
    // One bar per point: a bar from zero for the Russell 2000, a range for the S&P 500. SVG
    // shapes and their <title>s have no role of their own.
    await expect(drawing.locator("rect")).toHaveCount(2);
    await expect(drawing.locator("title")).toHaveText(["Russell 2000: 18x", "S&P 500: 22x–26x"]);
    await expect(drawing.getByText("18x", { exact: true })).toBeVisible();
    await expect(drawing.getByText("22x–26x", { exact: true })).toBeVisible();
  });

  await test.step("exploring the chart loads recharts only then", async () => {
    await exploreChart(page, chart);
  });

  await test.step("the chart's data as a table", async () => {
    await chart.getByText("Show data").click();
    const table = chart.getByRole("table", { name: /Data for “Forward P\/E Ratio Comparison/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole("row", { name: /Russell 2000 18x/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /S&P 500 24x 22x–26x/ })).toBeVisible();
  });

  await test.step("every recommended topic", async () => {
    await expect(article.recommendedTopics.getByRole("listitem")).toHaveCount(
      seedPost.recommendedTopics.length,
    );
    for (const topic of seedPost.recommendedTopics) {
      await expect(
        article.recommendedTopics.getByRole("listitem").filter({ hasText: topic.title }),
      ).toContainText(topic.description);
    }
  });
});

test("each ticker page lists the post with its note on that ticker", async ({ page }) => {
  for (const ticker of seedPost.tickers) {
    await test.step(ticker.symbol, async () => {
      const response = await page.goto(`/tickers/${ticker.symbol}`);
      expect(response?.status(), ticker.symbol).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(ticker.name);
      const entry = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("link", { name: seedPost.title }) });
      await expect(entry).toContainText(`Why ${ticker.symbol} matters here: ${ticker.note}`);
      await expect(entry.getByRole("link", { name: seedPost.title })).toHaveAttribute(
        "href",
        seedPost.path,
      );
    });
  }
});

test("the disclosures page is linked from the footer and from the article", async ({
  page,
  articlePage: article,
}) => {
  const onDisclosures = async () => {
    await expect(page).toHaveURL(`${siteUrl}${disclosuresPath}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Disclaimer and disclosures");
  };

  await test.step("the footer links it", async () => {
    await page.goto(homePath);
    const link = page
      .getByRole("contentinfo")
      .getByRole("link", { name: "Disclaimer and disclosures" });
    await expect(link).toBeVisible();
    await link.click();
    await onDisclosures();
  });

  await test.step("the article links it below its body", async () => {
    await article.goto(seedPost.path);
    await expect(article.article).toContainText("Commentary, not investment advice.");
    await article.article.getByRole("link", { name: "disclosures", exact: true }).click();
    await onDisclosures();
  });

  await test.step("it says what the site is, how authors disclose, and how it corrects", async () => {
    const response = await page.goto(disclosuresPath);
    expect(response?.status()).toBe(200);
    const main = page.getByRole("main");
    for (const heading of ["Commentary, not advice", "Author positions", "Corrections"])
      await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expect(main).toContainText("Nothing we publish is investment, tax, legal");
    await expect(main).toContainText("Published corrections are never removed or rewritten.");
  });
});

test("the author's page shows their bio and standing disclosure; the article's JSON-LD links it", async ({
  page,
  articlePage: article,
}) => {
  const path = authorPath(seedAuthor.slug);
  await test.step("the author's page", async () => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedAuthor.name);
    await expect(page.getByText(seedAuthor.bio, { exact: true })).toBeVisible();
    const disclosure = page.getByRole("region", { name: "Disclosure" });
    await expect(disclosure).toContainText(seedAuthor.disclosure);
    await expect(disclosure.getByRole("link", { name: "Our disclosure policy" })).toHaveAttribute(
      "href",
      disclosuresPath,
    );
  });

  await test.step("the article's author is a Person at that page's absolute URL", async () => {
    await article.goto(seedPost.path);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}",
    ) as Record<string, unknown>;
    expect(jsonLd.author).toEqual({
      "@type": "Person",
      name: seedAuthor.name,
      url: `${siteUrl}${path}`,
      jobTitle: seedAuthor.role,
    });
  });
});

test("a page with a feed of its own links it first, then the site's", async ({ page }) => {
  const siteFeed = { href: feedPath, title: SITE_FEED_TITLE };
  const topic = seedPost.recommendedTopics[0]!;
  const pages = [
    {
      path: tickerPath("IWM"),
      feeds: [{ href: tickerFeedPath("IWM"), title: tickerFeedTitle("IWM") }, siteFeed],
    },
    {
      path: topicPath(topicSlug(topic.title)),
      feeds: [
        { href: topicFeedPath(topicSlug(topic.title)), title: topicFeedTitle(topic.title) },
        siteFeed,
      ],
    },
    {
      path: authorPath(seedAuthor.slug),
      feeds: [
        { href: authorFeedPath(seedAuthor.slug), title: authorFeedTitle(seedAuthor.name) },
        siteFeed,
      ],
    },
    { path: homePath, feeds: [siteFeed] },
    { path: seedPost.path, feeds: [siteFeed] },
  ];
  for (const { path, feeds } of pages) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const linked = await page
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .evaluateAll((links) =>
          links.map((link) => ({
            href: link.getAttribute("href") ?? "",
            title: link.getAttribute("title"),
          })),
        );
      // Next writes them as absolute URLs, from SITE_URL.
      expect(linked, path).toEqual(
        feeds.map((feed) => ({ href: `${siteUrl}${feed.href}`, title: feed.title })),
      );
      for (const feed of feeds) {
        const rss = await page.request.get(feed.href);
        expect(rss.status(), feed.href).toBe(200);
      }
    });
  }
});

test("an unknown post or symbol is a real 404 with the site's not-found page", async ({
  page,
  expectConsoleError,
}) => {
  // Chromium logs every 4xx document it loads as a console error.
  expectConsoleError(/status of 404/);
  for (const path of ["/insights/nope", "/tickers/ZZZZ"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Read the latest insights" })).toBeVisible();
  }
});

test("other missing pages are 404s too, never a 200 or a 500", async ({ request }) => {
  // The seed's author, ticker and topic lists fit on one page: a later page does not exist.
  const topic = topicPath(topicSlug(seedPost.recommendedTopics[0]?.title ?? "x"));
  for (const path of [
    "/authors/nobody",
    "/topics/no-such-topic",
    "/?page=abc",
    "/?page=999",
    "/authors/daily-insight-desk?page=2",
    "/authors/daily-insight-desk?page=abc",
    "/tickers/IWM?page=2",
    `${topic}?page=2`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

test("an author's insights come a page at a time, the older ones at ?page=2", async ({ page }) => {
  const client = lakeClient();
  const stamp = Date.now();
  const author = { id: "author-daily-insight-desk", path: "/authors/daily-insight-desk" };
  // 20 more of the desk's posts, all older than the seed post (which stays the newest
  // everywhere) and linking no ticker or topic: 21 posts, one more than a page.
  const ids = Array.from({ length: 20 }, (_, i) => `post-e2e-paging-${stamp}-${i}`);
  const tx = client.transaction();
  ids.forEach((id, i) =>
    tx.create({
      _id: id,
      _type: "post",
      title: `Paging ${stamp} #${i}`,
      slug: { _type: "slug", current: `paging-${stamp}-${i}` },
      publishedAt: new Date(Date.UTC(2025, 0, 1 + i, 8)).toISOString(),
      summary: "An older insight.",
      author: { _type: "reference", _ref: author.id },
    }),
  );
  await tx.commit();
  const items = (name: string) => page.getByRole("list", { name }).locator(":scope > li");
  try {
    await test.step("the first page lists a page of them, newest first", async () => {
      await expect(async () => {
        await page.goto(author.path);
        await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 1 of 2");
      }).toPass({ timeout: 10_000 });
      await expect(items("Insights by Daily Insight Desk")).toHaveCount(20);
      await expect(items("Insights by Daily Insight Desk").first()).toContainText(seedPost.title);
    });
    await test.step("Older → leads to ?page=2, with the oldest", async () => {
      await page.getByRole("link", { name: "Older →" }).click();
      await expect(page).toHaveURL(`${author.path}?page=2`);
      const second = items("Insights by Daily Insight Desk, page 2");
      await expect(second).toHaveCount(1);
      await expect(second).toContainText(`Paging ${stamp} #0`);
      await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Page 2 of 2");
    });
  } finally {
    // Left first: a page still showing the list prefetches its links, and a prefetch that
    // lands after the delete is a 404 in this spec's console.
    await page.goto("about:blank");
    await deletePosts(ids);
  }
});

test("/favicon.ico leads to the site's icon", async ({ request }) => {
  const redirect = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(new URL(redirect.headers()["location"] ?? "", "http://x").pathname).toBe("/icon.svg");
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("a lower-case symbol redirects permanently to the canonical ticker page", async ({
  page,
  request,
}) => {
  const redirect = await request.get("/tickers/iwm", { maxRedirects: 0 });
  expect(redirect.status()).toBe(308);
  expect(redirect.headers().location).toMatch(/\/tickers\/IWM$/);

  const response = await page.goto("/tickers/iwm");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/tickers\/IWM$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("iShares Russell 2000 ETF");
});

test("a forged webhook is refused and revalidates nothing", async ({ request }) => {
  // Warm the page, then note how it is served: from the prerendered cache.
  await request.get(seedPost.path);
  const before = await request.get(seedPost.path);
  expect(before.headers()["x-nextjs-cache"]).toBe("HIT");
  const body = JSON.stringify({
    _id: seedPost.id,
    _type: "post",
    slug: seedPost.slug,
    tickerIds: seedPost.tickers.map((ticker) => ticker.id),
    operation: "update",
  });
  const forged = await request.post("/api/revalidate", {
    data: body,
    headers: {
      "content-type": "application/json",
      [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(body, Date.now(), "not-the-secret"),
    },
  });
  expect(forged.status()).toBe(401);
  expect(await forged.json()).toMatchObject({ error: "unauthorized" });

  const unsigned = await request.post("/api/revalidate", {
    data: body,
    headers: { "content-type": "application/json" },
  });
  expect(unsigned.status()).toBe(401);

  // Had either revalidated the post's tags, this request would render afresh (a MISS).
  const after = await request.get(seedPost.path);
  expect(after.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await after.text()).toBe(await before.text());
});

test("a published change reaches the article and its ticker pages within 2 s", async ({
  request,
}) => {
  const client = lakeClient();
  const iwm = seedTicker("IWM");
  const notePath = `tickers[_key=="${iwm.key}"].note`;
  const stamp = Date.now();
  const title = `Freshness check ${stamp}`;
  const note = `Freshness note ${stamp}`;

  // The article and every linked ticker's page list the post's title; the article and IWM's
  // page also show the post's note on IWM.
  const expected = [
    { path: seedPost.path, texts: [title, note] },
    ...seedPost.tickers.map((ticker) => ({
      path: `/tickers/${ticker.symbol}`,
      texts: ticker.symbol === "IWM" ? [title, note] : [title],
    })),
  ];
  const fetchAll = () =>
    Promise.all(
      expected.map(async ({ path, texts }) => {
        const response = await request.get(path);
        expect(response.status(), path).toBe(200);
        return { path, texts, html: await response.text() };
      }),
    );
  /** The pages that do not show the whole change yet. */
  const withoutChange = async () =>
    (await fetchAll())
      .filter(({ texts, html }) => !texts.every((text) => html.includes(text)))
      .map(({ path }) => path);
  /** The pages that show any of it. */
  const withChange = async () =>
    (await fetchAll())
      .filter(({ html }) => [title, note].some((text) => html.includes(text)))
      .map(({ path }) => path);

  await test.step("every page is rendered and cached with the seed content", async () => {
    expect(await withChange()).toEqual([]);
  });

  try {
    await test.step("publish a change: every page shows it within 2 s", async () => {
      await client
        .patch(seedPost.id)
        .set({ title, [notePath]: note })
        .commit();
      const acknowledged = Date.now();
      await expect.poll(withoutChange, { timeout: 2_000, intervals: [100] }).toEqual([]);
      test.info().annotations.push({
        type: "freshness",
        description: `every page within ${Date.now() - acknowledged} ms of the acknowledged write`,
      });
    });
  } finally {
    await client
      .patch(seedPost.id)
      .set({ title: seedPost.title, [notePath]: iwm.note })
      .commit();
  }
  await test.step("the seed content is back on every page", async () => {
    await expect.poll(withChange, { timeout: 10_000 }).toEqual([]);
  });
});

test("tabbing from the top of the article reaches every link on it", async ({ page }) => {
  await page.goto(seedPost.path);
  const visibleLinks = new Set<string>();
  for (const link of await page.getByRole("link").all()) {
    if (await link.isVisible()) visibleLinks.add((await link.getAttribute("href")) ?? "");
  }
  expect(visibleLinks.size).toBeGreaterThan(10);

  const focused: string[] = [];
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press("Tab");
    const href = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body) return null;
      return active instanceof HTMLAnchorElement ? active.getAttribute("href") : "";
    });
    if (href === null) break;
    if (href) focused.push(href);
  }
  expect(focused[0], "the skip link comes first").toBe("#content");
  expect([...visibleLinks].filter((href) => !focused.includes(href))).toEqual([]);
});

/**
 * The recharts version of a chart is downloaded only when the reader asks for it: none of its
 * markup or scripts are on the page before, and its tooltip reads out the range with its unit.
 */
async function exploreChart(page: Page, chart: Locator) {
  const scripts = () =>
    page.evaluate(
      () =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === "script")
          .length,
    );
  // recharts' accessibility layer makes the chart an "application" (arrow keys move through
  // the points) and its tooltip a "status"; its bars have no role, so they go by class.
  const interactive = chart.getByRole("application");
  await expect(interactive).toHaveCount(0);
  const before = await scripts();
  const explore = chart.getByRole("button", { name: "Explore this chart" });
  await explore.click();
  await expect(interactive).toBeVisible();
  expect(await scripts()).toBeGreaterThan(before);
  const bars = chart.locator(".recharts-bar-rectangle");
  await expect(bars).toHaveCount(2);
  await bars.nth(1).hover();
  await expect(chart.getByRole("status")).toContainText("22x–26x");
  await chart.getByRole("button", { name: "Show the static chart" }).click();
  await expect(chart.getByRole("img", { name: /Forward P\/E Ratio Comparison/ })).toBeVisible();
}
