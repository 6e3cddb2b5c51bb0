import type * as NextCache from "next/cache";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSeededTestLake } from "../../support/lake.ts";
import { childNamed, childrenNamed, parseXml, type XmlElement } from "../../support/xml.ts";

// The feeds' route handlers as Next runs them, reading the seeded local lake through lib/sanity,
// with next/cache's cacheTag recorded ('use cache' is inert outside Next): every feed parses as
// RSS 2.0, a ticker's items lead with its note, a scheduled post is in none of them, a correction
// shows, and each feed is cached under every tag its page is.
const cacheTag = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof NextCache>()),
  cacheTag,
  cacheLife: () => {},
}));

const SITE = "https://insight.example.com";
const SEED_POST = "post-2026-01-16-great-rotation";
const SEED_URL = `${SITE}/insights/the-great-rotation-russell-2000s-historic-streak-against-big-tech`;
const TOPIC = { title: "Small Cap Value vs. Growth", slug: "small-cap-value-vs-growth" };
const AUTHOR = { id: "author-daily-insight-desk", slug: "daily-insight-desk" };
const SCHEDULED = { id: "post-scheduled-feeds", slug: "scheduled-for-later" };
const IWM_NOTE = "This ETF tracks the Russell 2000 Index";

type Context<K extends string> = { params: Promise<Record<K, string>> };
type Handler<K extends string> = (request: Request, context: Context<K>) => Promise<Response>;

let lake: Awaited<ReturnType<typeof startSeededTestLake>>;
let siteFeed: () => Promise<Response>;
let tickerFeed: Handler<"symbol">;
let topicFeed: Handler<"slug">;
let authorFeed: Handler<"slug">;

const call = <K extends string>(handler: Handler<K>, path: string, params: Record<K, string>) =>
  handler(new Request(`${SITE}${path}`), { params: Promise.resolve(params) });

const feeds = () => ({
  "/feed.xml": () => siteFeed(),
  "/tickers/IWM/feed.xml": () => call(tickerFeed, "/tickers/IWM/feed.xml", { symbol: "IWM" }),
  [`/topics/${TOPIC.slug}/feed.xml`]: () =>
    call(topicFeed, `/topics/${TOPIC.slug}/feed.xml`, { slug: TOPIC.slug }),
  [`/authors/${AUTHOR.slug}/feed.xml`]: () =>
    call(authorFeed, `/authors/${AUTHOR.slug}/feed.xml`, { slug: AUTHOR.slug }),
});

async function rss(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
  return parseXml(await response.text());
}

const itemsOf = (root: XmlElement) => childrenNamed(childNamed(root, "channel")!, "item");
const text = (element: XmlElement, name: string) => childNamed(element, name)?.text ?? "";

beforeAll(async () => {
  lake = await startSeededTestLake();
  vi.stubEnv("SANITY_PROJECT_ID", "");
  vi.stubEnv("LAKE_HOST", "127.0.0.1");
  vi.stubEnv("LAKE_PORT", String(lake.lake.port));
  vi.stubEnv("SITE_URL", SITE);
  // The seed post gains two corrections; a post scheduled in the future links the same ticker,
  // author and topic, so every feed would list it were it not left out.
  await lake.client
    .transaction()
    .patch(SEED_POST, (patch) =>
      patch.set({
        corrections: [
          {
            _key: "c1",
            _type: "correction",
            kind: "correction",
            at: "2026-01-16T15:00:00.000Z",
            text: "An earlier version gave the streak as eight sessions.",
          },
          {
            _key: "c2",
            _type: "correction",
            kind: "update",
            at: "2026-01-17T09:30:00.000Z",
            text: "Added Friday's close.",
          },
        ],
      }),
    )
    .createOrReplace({
      _id: SCHEDULED.id,
      _type: "post",
      title: "Scheduled for later",
      slug: { _type: "slug", current: SCHEDULED.slug },
      publishedAt: "2999-01-01T00:00:00.000Z",
      summary: "Not yet.",
      author: { _type: "reference", _ref: AUTHOR.id },
      tickers: [
        {
          _type: "tickerMention",
          _key: "iwm",
          ticker: { _type: "reference", _ref: "ticker-IWM" },
          note: "Scheduled note",
          position: "long",
        },
      ],
      recommendedTopics: [{ _type: "recommendedTopic", _key: "t", title: TOPIC.title }],
    })
    .commit();
  ({ GET: siteFeed } = await import("@/app/feed.xml/route"));
  ({ GET: tickerFeed } = await import("@/app/(site)/tickers/[symbol]/feed.xml/route"));
  ({ GET: topicFeed } = await import("@/app/(site)/topics/[slug]/feed.xml/route"));
  ({ GET: authorFeed } = await import("@/app/(site)/authors/[slug]/feed.xml/route"));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await lake.stop();
});

describe("every feed", () => {
  it("is RSS 2.0 with a channel title, link, description and self link", async () => {
    for (const [path, get] of Object.entries(feeds())) {
      const root = await rss(await get());
      expect(root.name, path).toBe("rss");
      expect(root.attributes.version, path).toBe("2.0");
      const channels = childrenNamed(root, "channel");
      expect(channels, path).toHaveLength(1);
      const channel = channels[0]!;
      for (const name of ["title", "link", "description"]) {
        expect(text(channel, name), `${path} ${name}`).toBeTruthy();
      }
      expect(text(channel, "link"), path).toBe(
        path === "/feed.xml" ? `${SITE}/` : `${SITE}${path.replace(/\/feed\.xml$/, "")}`,
      );
      expect(childNamed(channel, "atom:link")?.attributes, path).toMatchObject({
        href: `${SITE}${path}`,
        rel: "self",
        type: "application/rss+xml",
      });
    }
  });

  it("lists the seed post with title, link, guid, date and full content", async () => {
    for (const [path, get] of Object.entries(feeds())) {
      const items = itemsOf(await rss(await get()));
      expect(items, path).toHaveLength(1);
      const item = items[0]!;
      expect(text(item, "title"), path).toContain("The Great Rotation");
      expect(text(item, "link"), path).toBe(SEED_URL);
      expect(text(item, "guid"), path).toBe(SEED_URL);
      expect(text(item, "pubDate"), path).toBe("Fri, 16 Jan 2026 12:00:00 GMT");
      expect(text(item, "content:encoded"), path).toContain("<table>");
    }
  });

  it("leaves out a post scheduled in the future", async () => {
    // It is in the lake, linking the ticker, topic and author of these feeds.
    expect(await lake.client.fetch(`*[_id == $id][0].slug.current`, { id: SCHEDULED.id })).toBe(
      SCHEDULED.slug,
    );
    for (const [path, get] of Object.entries(feeds())) {
      const xml = await (await get()).text();
      expect(xml, path).not.toContain(SCHEDULED.slug);
      expect(xml, path).not.toContain("Scheduled note");
    }
  });

  it("opens each item's content with its corrections, newest first", async () => {
    for (const [path, get] of Object.entries(feeds())) {
      const html = text(itemsOf(await rss(await get()))[0]!, "content:encoded");
      expect(html, path).toMatch(
        /^<p><strong>Update<\/strong> \(<time datetime="2026-01-17T09:30:00.000Z">January 17, 2026 at 9:30 AM UTC<\/time>\): Added Friday&#x27;s close.<\/p><p><strong>Correction<\/strong>/,
      );
      expect(html.indexOf("eight sessions"), path).toBeLessThan(html.indexOf("<h2>"));
    }
  });
});

describe("a ticker's feed", () => {
  it("leads each item with the ticker's note and the author's position", async () => {
    const item = itemsOf(await rss(await feeds()["/tickers/IWM/feed.xml"]()))[0]!;
    expect(text(item, "description")).toMatch(
      new RegExp(`^Why IWM matters here: ${IWM_NOTE}.* Author position: none in IWM\\. Small caps`),
    );
    const html = text(item, "content:encoded");
    const note = html.indexOf(`<p><strong>Why IWM matters here:</strong> ${IWM_NOTE}`);
    // After the corrections, before the body.
    expect(note).toBe(html.indexOf("</p><p><strong>Why IWM") + "</p>".length);
    expect(html.indexOf("<p><em>Author position: none in IWM.</em></p>")).toBeGreaterThan(note);
    expect(html.indexOf("<h2>")).toBeGreaterThan(note);
    expect(html).not.toContain("Why AAPL matters here");
  });

  it("redirects another spelling of the symbol to the canonical feed", async () => {
    const response = await call(tickerFeed, "/tickers/iwm/feed.xml", { symbol: "iwm" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`${SITE}/tickers/IWM/feed.xml`);
  });
});

describe("the feed of something that does not exist", () => {
  it("is a 404 with a short message, never a 500", async () => {
    const answers = [
      await call(tickerFeed, "/tickers/ZZZZ/feed.xml", { symbol: "ZZZZ" }),
      await call(tickerFeed, "/tickers/no%20symbol/feed.xml", { symbol: "no symbol" }),
      await call(topicFeed, "/topics/no-such-topic/feed.xml", { slug: "no-such-topic" }),
      await call(topicFeed, "/topics/Small_Cap/feed.xml", { slug: "Small_Cap" }),
      await call(authorFeed, "/authors/nobody/feed.xml", { slug: "nobody" }),
      await call(authorFeed, "/authors/Not_A_Slug/feed.xml", { slug: "Not_A_Slug" }),
    ];
    for (const response of answers) {
      expect(response.status, response.url).toBe(404);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("not_found");
      expect(body.message).toMatch(/^No (ticker ZZZZ|such (ticker|topic|author))\.$/);
    }
  });
});

describe("each feed's cache tags", () => {
  const tagsDuring = async (work: () => Promise<unknown>) => {
    cacheTag.mockClear();
    await work();
    return new Set(cacheTag.mock.calls.flat() as string[]);
  };

  it("include every tag its page is cached under, so a publish that changes the page revalidates the feed", async () => {
    const { getTickerBySymbol, listPostsForTicker } = await import("@/lib/sanity/tickers");
    const { getTopicBySlugOrNotFound } = await import("@/lib/sanity/topics");
    const { getAuthorBySlug, listPostsByAuthor } = await import("@/lib/sanity/authors");
    const { listLatestPosts } = await import("@/lib/sanity/posts");
    const pages = {
      "/feed.xml": () => listLatestPosts({ page: 1 }),
      "/tickers/IWM/feed.xml": async () => listPostsForTicker((await getTickerBySymbol("IWM"))!.id),
      [`/topics/${TOPIC.slug}/feed.xml`]: () => getTopicBySlugOrNotFound(TOPIC.slug),
      [`/authors/${AUTHOR.slug}/feed.xml`]: async () =>
        listPostsByAuthor((await getAuthorBySlug(AUTHOR.slug))!.id),
    };
    const feedGets = feeds();
    for (const [path, readPage] of Object.entries(pages)) {
      const pageTags = await tagsDuring(readPage);
      const feedTags = await tagsDuring(feedGets[path]!);
      expect(pageTags.size, path).toBeGreaterThan(0);
      expect(
        [...pageTags].filter((tag) => !feedTags.has(tag)),
        path,
      ).toEqual([]);
    }
    const tickerTags = await tagsDuring(feedGets["/tickers/IWM/feed.xml"]!);
    expect([...tickerTags]).toEqual(
      expect.arrayContaining(["ticker:IWM", "ticker:ticker-IWM", `post:${SEED_POST}`]),
    );
  });
});
