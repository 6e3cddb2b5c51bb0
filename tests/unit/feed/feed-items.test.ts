import { describe, expect, it } from "vitest";
import { tickerLead, toRssItems, toTickerRssItems } from "@/lib/feed/feed-items";
import type { TickerFeedPostsQueryResult } from "@/lib/sanity/types";

// How a feed row becomes an RSS item: corrections first, then what the feed leads with (a ticker
// feed: the post's note on the ticker and the author's position), then the body.

const SITE = "https://insight.example.com";

type Row = TickerFeedPostsQueryResult[number];

const row = (overrides: Partial<Row> = {}): Row => ({
  _id: "post-1",
  _type: "post",
  title: "Small caps & big tech",
  slug: "small-caps",
  publishedAt: "2026-01-16T12:00:00.000Z",
  _updatedAt: "2026-01-17T10:00:00.000Z",
  summary: "Small caps beat large caps.",
  author: { _id: "author-1", _type: "author", name: "Desk" },
  tickers: [{ _id: "ticker-IWM", _type: "ticker", symbol: "IWM", name: "iShares Russell 2000" }],
  corrections: null,
  body: [
    {
      _type: "block",
      _key: "b1",
      style: "normal",
      markDefs: [],
      children: [{ _type: "span", _key: "s1", text: "The body begins here." }],
    },
  ],
  note: "Tracks the Russell 2000 <the subject>",
  position: "long",
  ...overrides,
});

const corrections: Row["corrections"] = [
  {
    _key: "old",
    kind: "correction",
    at: "2026-01-16T15:00:00.000Z",
    text: "Nine sessions, not ten.",
  },
  {
    _key: "new",
    kind: "update",
    at: "2026-01-17T09:30:00.000Z",
    text: "Added Friday's close & <b>.",
  },
  { _key: "draft", kind: "clarification", at: null, text: "Not dated, so not shown." },
];

describe("a ticker feed's items", () => {
  it("lead the description with the note and the author's position, then the summary", () => {
    const [item] = toTickerRssItems([row()], "IWM", SITE);
    expect(item?.summary).toBe(
      "Why IWM matters here: Tracks the Russell 2000 <the subject>. " +
        "Author position: long IWM. Small caps beat large caps.",
    );
  });

  it("lead the content with the note and the position, before the body", () => {
    const html = toTickerRssItems([row()], "IWM", SITE)[0]?.html ?? "";
    expect(
      html.startsWith(
        "<p><strong>Why IWM matters here:</strong> Tracks the Russell 2000 &lt;the subject&gt;</p>",
      ),
    ).toBe(true);
    const position = html.indexOf("<p><em>Author position: long IWM.</em></p>");
    expect(position).toBeGreaterThan(0);
    expect(html.indexOf("The body begins here.")).toBeGreaterThan(position);
  });

  it("state the position even without a note, and one not stated as such", () => {
    expect(tickerLead("IWM", "  ", "none")).toEqual({
      text: "Author position: none in IWM.",
      html: "<p><em>Author position: none in IWM.</em></p>",
    });
    expect(tickerLead("SPY", "Benchmark.", null).text).toBe(
      "Why SPY matters here: Benchmark. Author position in SPY: not stated.",
    );
  });

  it("put the corrections before the note", () => {
    const html = toTickerRssItems([row({ corrections })], "IWM", SITE)[0]?.html ?? "";
    expect(html.indexOf("Nine sessions")).toBeLessThan(html.indexOf("Why IWM matters here"));
    expect(html.indexOf("Why IWM matters here")).toBeLessThan(html.indexOf("The body begins"));
  });
});

describe("corrections in every feed's items", () => {
  const html = toRssItems([row({ corrections })], SITE)[0]?.html ?? "";

  it("open the content, newest first, with kind, time and text", () => {
    expect(html.startsWith("<p><strong>Update</strong>")).toBe(true);
    expect(html).toContain(
      '<p><strong>Update</strong> (<time datetime="2026-01-17T09:30:00.000Z">January 17, 2026 at 9:30 AM UTC</time>): Added Friday&#x27;s close &amp; &lt;b&gt;.</p>',
    );
    expect(html.indexOf("<strong>Update</strong>")).toBeLessThan(
      html.indexOf("<strong>Correction</strong>"),
    );
    expect(html.indexOf("Nine sessions, not ten.")).toBeLessThan(
      html.indexOf("The body begins here."),
    );
  });

  it("leave out an incomplete correction", () => {
    expect(html).not.toContain("Not dated");
  });

  it("are absent when the post has none, and nothing else leads a feed that is not a ticker's", () => {
    const [item] = toRssItems([row()], SITE);
    expect(item?.html.startsWith("<p>The body begins here.</p>")).toBe(true);
    expect(item?.summary).toBe("Small caps beat large caps.");
  });
});

describe("feed rows", () => {
  it("without a slug are left out, since they have no URL", () => {
    expect(toRssItems([row({ slug: null }), row()], SITE).map((item) => item.url)).toEqual([
      `${SITE}/insights/small-caps`,
    ]);
  });
});
