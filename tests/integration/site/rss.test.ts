import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRssItems } from "@/lib/feed/feed-items";
import { portableTextToHtml } from "@/lib/feed/portable-text-html";
import { buildRssFeed, cdata, escapeXml, type RssItem } from "@/lib/feed/rss";
import { feedPostsQuery } from "@/lib/sanity/queries";
import type { FeedPostsQueryResult } from "@/lib/sanity/types";
import { startSeededTestLake } from "../../support/lake.ts";
import { childNamed, childrenNamed, parseXml } from "../../support/xml.ts";

const SITE = "https://insight.example.com";

const channel = (items: RssItem[]) => ({
  title: "Daily Insight",
  description: "Daily market commentary",
  siteUrl: `${SITE}/`,
  feedUrl: `${SITE}/feed.xml`,
  items,
});

describe("the RSS feed of the seeded content", () => {
  let lake: Awaited<ReturnType<typeof startSeededTestLake>>;
  let xml: string;

  beforeAll(async () => {
    lake = await startSeededTestLake();
    const rows = await lake.query<FeedPostsQueryResult>(feedPostsQuery, { limit: 20 });
    xml = buildRssFeed(channel(toRssItems(rows, SITE)));
  });
  afterAll(() => lake.stop());

  it("is well-formed RSS 2.0 with the required channel elements", () => {
    const rss = parseXml(xml);
    expect(rss.name).toBe("rss");
    expect(rss.attributes.version).toBe("2.0");
    expect(rss.attributes["xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    const [feed, ...others] = childrenNamed(rss, "channel");
    expect(feed).toBeDefined();
    expect(others).toHaveLength(0);
    for (const name of ["title", "link", "description"]) {
      expect(childNamed(feed!, name)?.text, name).toBeTruthy();
    }
    expect(childNamed(feed!, "link")?.text).toBe(`${SITE}/`);
    expect(childNamed(feed!, "atom:link")?.attributes).toMatchObject({
      href: `${SITE}/feed.xml`,
      rel: "self",
    });
  });

  it("carries the seed post with absolute links, a date, and its full body", () => {
    const items = childrenNamed(childNamed(parseXml(xml), "channel")!, "item");
    expect(items).toHaveLength(1);
    const item = items[0]!;
    const url = `${SITE}/insights/the-great-rotation-russell-2000s-historic-streak-against-big-tech`;
    expect(childNamed(item, "title")?.text).toContain("The Great Rotation");
    expect(childNamed(item, "link")?.text).toBe(url);
    expect(childNamed(item, "guid")?.text).toBe(url);
    expect(childNamed(item, "pubDate")?.text).toBe("Fri, 16 Jan 2026 12:00:00 GMT");
    expect(childNamed(item, "description")?.text).toContain("S&P 500");
    expect(childrenNamed(item, "category").map((c) => c.text)).toEqual(
      expect.arrayContaining(["IWM", "AAPL", "NVDA", "SPY", "QQQ"]),
    );
    const html = childNamed(item, "content:encoded")?.text ?? "";
    expect(html).toContain("<h2>");
    expect(html).toContain("Russell 2000");
    // Charts become tables; every link in the body is absolute.
    expect(html).toContain("<table>");
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
      expect(href, href).toMatch(/^(https?:|mailto:)/);
    }
  });
});

describe("RSS escaping", () => {
  const hostile: RssItem = {
    title: 'Q&A: <b>"bold"</b> ]]> \u0001',
    url: `${SITE}/insights/a?x=1&y=2`,
    publishedAt: "2026-01-16T12:00:00.000Z",
    summary: "Less < more & 'quotes'",
    html: "<p>End ]]> of CDATA and <script>alert(1)</script></p>",
    author: "A & B",
    categories: ["BRK.B"],
  };

  it("keeps hostile text well-formed and intact", () => {
    const item = childNamed(
      childNamed(parseXml(buildRssFeed(channel([hostile]))), "channel")!,
      "item",
    )!;
    expect(childNamed(item, "title")?.text).toBe('Q&A: <b>"bold"</b> ]]> ');
    expect(childNamed(item, "link")?.text).toBe(hostile.url);
    expect(childNamed(item, "content:encoded")?.text).toBe(hostile.html);
  });

  it("escapes markup characters and splits CDATA terminators", () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;",
    );
    expect(cdata("a]]>b")).toBe("<![CDATA[a]]]]><![CDATA[>b]]>");
  });

  it("renders Portable Text with unsafe links dropped and ticker links made absolute", () => {
    const body = [
      {
        _type: "block",
        _key: "b1",
        style: "normal",
        markDefs: [
          { _type: "link", _key: "bad", href: "javascript:alert(1)" },
          { _type: "link", _key: "good", href: "https://example.com/?a=1&b=2" },
          { _type: "tickerRef", _key: "t", ticker: { symbol: "BRK.B", name: "Berkshire" } },
        ],
        children: [
          { _type: "span", _key: "s1", text: "<evil> ", marks: ["bad"] },
          { _type: "span", _key: "s2", text: "good ", marks: ["good"] },
          { _type: "span", _key: "s3", text: "Berkshire", marks: ["t"] },
        ],
      },
    ];
    const html = portableTextToHtml(body, SITE);
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;evil&gt;");
    expect(html).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(html).toContain(`href="${SITE}/tickers/BRK.B"`);
  });
});
