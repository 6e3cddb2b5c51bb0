import { describe, expect, it } from "vitest";
import type {
  AlertPost,
  AlertTicker,
  MessageLinks,
  PostForReader,
} from "@/lib/email/alert-content";
import { renderDigestEmail } from "@/lib/email/render";

const ticker = (symbol: string, note: string | null, position: AlertTicker["position"]) => ({
  symbol,
  note,
  position,
});
const IWM = ticker(
  "IWM",
  "The Russell 2000 ETF, on its longest streak against large caps since 1990.",
  "long",
);
const SPY = ticker("SPY", "The S&P 500 benchmark the small caps are beating.", "none");
const NVDA = ticker("NVDA", "An AI titan whose earnings momentum is fading.", "short");
const SPY_LATER = ticker("SPY", "Flat on the week while breadth widened.", null);
const IWM_LATER = ticker("IWM", null, "long");

const post = (id: string, title: string, tickers: AlertTicker[]): AlertPost => ({
  id,
  title,
  summary: `Summary of ${id}.`,
  url: `https://dailyinsight.example/posts/${id}`,
  publishedAt: "2026-01-16T13:00:00.000Z",
  authorName: null,
  tickers,
});

const rotation = post("great-rotation", "The Great Rotation", [IWM, NVDA, SPY]);
const breadth = post("breadth", "Breadth Is Back", [SPY_LATER, NVDA]);
const rates = post("rates", "Floating-Rate Debt and Small Caps", [IWM_LATER]);

// The reader watches IWM and SPY, not NVDA.
const posts: PostForReader[] = [
  { post: rotation, tickers: [IWM, SPY] },
  { post: breadth, tickers: [SPY_LATER] },
  { post: rates, tickers: [IWM_LATER] },
];

const links: MessageLinks = {
  unsubscribeUrl: "https://dailyinsight.example/api/email/unsubscribe?token=abc.def&v=1",
  settingsUrl: "https://dailyinsight.example/account",
  siteUrl: "https://dailyinsight.example",
};
const dayLabel = "Friday, January 16, 2026";

/** The needles that are not found in order, each after the one before (none when all are). */
function outOfOrder(haystack: string, needles: string[]): string[] {
  let from = 0;
  return needles.filter((needle) => {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return true;
    from = at + needle.length;
    return false;
  });
}

describe("renderDigestEmail", () => {
  it("counts the posts and names the watched symbols in the subject", async () => {
    expect((await renderDigestEmail({ dayLabel, posts, links })).subject).toBe(
      "Your Daily Insight digest: 3 posts on IWM, SPY",
    );
    expect((await renderDigestEmail({ dayLabel, posts: [posts[2]!], links })).subject).toBe(
      "Your Daily Insight digest: 1 post on IWM",
    );
    const many = ["IWM", "SPY", "QQQ", "DIA", "TLT"].map((s, i) => ({
      post: post(`p${i}`, `Post ${i}`, []),
      tickers: [ticker(s, null, "none")],
    }));
    expect((await renderDigestEmail({ dayLabel, posts: many, links })).subject).toBe(
      "Your Daily Insight digest: 5 posts on IWM, SPY, QQQ +2",
    );
  });

  it("groups the day's posts in order, each with its own watched tickers", async () => {
    const { html, text } = await renderDigestEmail({ dayLabel, posts, links });
    for (const part of [html, text]) {
      expect(part).toContain(dayLabel);
      const missed = outOfOrder(part, [
        "The Great Rotation",
        "Summary of great-rotation.",
        "Why IWM matters here",
        IWM.note!,
        "Author position: long IWM",
        "Why SPY matters here",
        SPY.note!.replace("&", part === html ? "&amp;" : "&"),
        "Author position: none in SPY",
        "Breadth Is Back",
        "Summary of breadth.",
        SPY_LATER.note!,
        "Author position in SPY: not stated",
        "Floating-Rate Debt and Small Caps",
        "The post discusses IWM.",
        "You get this because IWM and SPY are on your watchlist.",
      ]);
      expect(missed).toEqual([]);
      expect(part.split("Read the insight").length - 1).toBe(3);
    }
  });

  it("links every post, the settings and unsubscribe, absolutely", async () => {
    const { html, text } = await renderDigestEmail({ dayLabel, posts, links });
    for (const { post: p } of posts) {
      expect(html).toContain(`href="${p.url}"`);
      expect(text).toContain(`Read the insight: ${p.url}`);
    }
    expect(html).toContain('href="https://dailyinsight.example/account"');
    expect(html).toContain(
      'href="https://dailyinsight.example/api/email/unsubscribe?token=abc.def&amp;v=1"',
    );
    expect(text).toContain("Manage email alerts: https://dailyinsight.example/account");
    expect(text).toContain(`Unsubscribe: ${links.unsubscribeUrl}`);
    expect(text).toContain("Daily Insight publishes commentary, not investment advice.");
  });

  it("leaves out the tickers the reader does not watch", async () => {
    const { html, text } = await renderDigestEmail({ dayLabel, posts, links });
    for (const part of [html, text]) {
      expect(part).not.toContain("NVDA");
      expect(part).not.toContain(NVDA.note);
    }
  });

  it("escapes what authors wrote in the HTML, and writes plain text without markup", async () => {
    const hostile: PostForReader = {
      post: post("hostile", "Caps <b>&</b> rates", [IWM]),
      tickers: [ticker("IWM", "Note <script>steal()</script>", "long")],
    };
    const { html, text } = await renderDigestEmail({ dayLabel, posts: [hostile], links });
    expect(html).not.toContain("<script>steal");
    expect(html).not.toContain("<b>&</b>");
    expect(html).toContain("Note &lt;script&gt;steal()&lt;/script&gt;");
    expect(html).toContain("Caps &lt;b&gt;&amp;&lt;/b&gt; rates");
    expect(text).toContain("Note <script>steal()</script>");

    const plain = (await renderDigestEmail({ dayLabel, posts, links })).text;
    expect(plain).not.toMatch(/<\/?[a-z][^>]*>/i);
    expect(plain).not.toMatch(/[{}]|color-scheme|!important|[\u200b-\u200f\ufeff]/);
  });

  it("is an English document that supports dark mode", async () => {
    const { html, subject } = await renderDigestEmail({ dayLabel, posts, links });
    expect(html).toMatch(/<html[^>]* lang="en"/);
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark"/>');
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(html).toContain(`<title>${subject}</title>`);
  });

  it("refuses an empty digest", async () => {
    await expect(renderDigestEmail({ dayLabel, posts: [], links })).rejects.toThrow(/at least one/);
  });
});
