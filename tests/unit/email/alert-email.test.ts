import { describe, expect, it } from "vitest";
import type { AlertPost, AlertTicker, MessageLinks } from "@/lib/email/alert-content";
import { renderAlertEmail } from "@/lib/email/render";

const IWM: AlertTicker = {
  symbol: "IWM",
  note: "This ETF tracks the Russell 2000 Index, which is on a historic winning streak against large caps.",
  position: "long",
};
const AAPL: AlertTicker = {
  symbol: "AAPL",
  note: "A 'Magnificent 7' member: the mega-cap dominance that capital is rotating away from.",
  position: "none",
};
const NVDA: AlertTicker = {
  symbol: "NVDA",
  note: "One of the AI titans whose earnings momentum is shifting toward the broader market.",
  position: "short",
};
const SPY: AlertTicker = { symbol: "SPY", note: null, position: null };
const QQQ: AlertTicker = { symbol: "QQQ", note: "Tracks the Nasdaq 100.", position: "none" };

const post: AlertPost = {
  id: "post-rotation",
  title: "The Great Rotation: Russell 2000’s Historic Streak Against Big Tech",
  summary: "Small caps have beaten the S&P 500 for nine sessions in a row.",
  url: "https://dailyinsight.example/posts/the-great-rotation",
  publishedAt: "2026-01-16T13:00:00.000Z",
  authorName: "Ada Analyst",
  tickers: [IWM, AAPL, NVDA, SPY, QQQ],
};

const links: MessageLinks = {
  unsubscribeUrl: "https://dailyinsight.example/api/email/unsubscribe?token=abc.def&v=1",
  settingsUrl: "https://dailyinsight.example/account",
  siteUrl: "https://dailyinsight.example",
};

const TAG = /<\/?[a-z][^>]*>/i;

describe("renderAlertEmail", () => {
  it("names the reader's watched symbols and the post in the subject", async () => {
    expect((await renderAlertEmail({ post, tickers: [IWM], links })).subject).toBe(
      "IWM: The Great Rotation: Russell 2000’s Historic Streak Against Big Tech",
    );
    expect((await renderAlertEmail({ post, tickers: [IWM, SPY], links })).subject).toMatch(
      /^IWM, SPY: The Great Rotation/,
    );
    expect((await renderAlertEmail({ post, tickers: [IWM, AAPL, NVDA], links })).subject).toMatch(
      /^IWM, AAPL, NVDA: The Great/,
    );
    expect(
      (await renderAlertEmail({ post, tickers: [IWM, AAPL, NVDA, SPY, QQQ], links })).subject,
    ).toMatch(/^IWM, AAPL, NVDA \+2: The Great/);
    const pasted = { ...post, title: "Two\nlines  here" };
    expect((await renderAlertEmail({ post: pasted, tickers: [IWM], links })).subject).toBe(
      "IWM: Two lines here",
    );
  });

  it("says why each watched ticker matters, with the author's position, in both parts", async () => {
    const { html, text } = await renderAlertEmail({ post, tickers: [IWM, NVDA, SPY], links });
    expect(html).toContain("Small caps have beaten the S&amp;P 500");
    expect(text).toContain("Small caps have beaten the S&P 500");
    for (const part of [html, text]) {
      expect(part).toContain("The Great Rotation: Russell 2000’s Historic Streak Against Big Tech");
      expect(part).toContain("Why IWM matters here");
      expect(part).toContain("Why NVDA matters here");
      expect(part).toContain("Why SPY matters here");
      expect(part).toContain(IWM.note);
      expect(part).toContain(NVDA.note);
      expect(part).toContain("The post discusses SPY.");
      expect(part).toContain("Author position: long IWM");
      expect(part).toContain("Author position: short NVDA");
      expect(part).toContain("Author position in SPY: not stated");
      expect(part).toContain("By Ada Analyst");
      expect(part).toContain("Read the insight");
      expect(part).toContain("Daily Insight publishes commentary, not investment advice.");
      // The tickers come in the post's order.
      expect(part.indexOf("Why IWM")).toBeLessThan(part.indexOf("Why NVDA"));
      expect(part.indexOf("Why NVDA")).toBeLessThan(part.indexOf("Why SPY"));
    }
  });

  it("leaves out the tickers the reader does not watch", async () => {
    const { html, text, subject } = await renderAlertEmail({ post, tickers: [IWM], links });
    for (const part of [html, text, subject]) {
      for (const other of [AAPL, NVDA, QQQ]) {
        expect(part).not.toContain(other.symbol);
        expect(part).not.toContain(other.note);
      }
      expect(part).not.toContain("SPY");
    }
  });

  it("links the article and the reader's settings and unsubscribe, absolutely", async () => {
    const { html, text } = await renderAlertEmail({ post, tickers: [IWM], links });
    expect(html).toContain('href="https://dailyinsight.example/posts/the-great-rotation"');
    expect(html).toContain('href="https://dailyinsight.example/account"');
    expect(html).toContain(
      'href="https://dailyinsight.example/api/email/unsubscribe?token=abc.def&amp;v=1"',
    );
    expect(html).toMatch(/>Manage email alerts<\/a>/);
    expect(html).toMatch(/>Unsubscribe<\/a>/);
    expect(text).toContain(
      "Read the insight: https://dailyinsight.example/posts/the-great-rotation",
    );
    expect(text).toContain("Manage email alerts: https://dailyinsight.example/account");
    expect(text).toContain(
      "Unsubscribe: https://dailyinsight.example/api/email/unsubscribe?token=abc.def&v=1",
    );
  });

  it("tells the reader why they get it", async () => {
    const one = await renderAlertEmail({ post, tickers: [IWM], links });
    expect(one.text).toContain("You get this because IWM is on your watchlist.");
    expect(one.html).toContain("You get this because IWM is on your watchlist.");
    const two = await renderAlertEmail({ post, tickers: [IWM, SPY], links });
    expect(two.text).toContain("You get this because IWM and SPY are on your watchlist.");
  });

  it("escapes what authors wrote in the HTML, and keeps it verbatim in the text", async () => {
    const hostile: AlertTicker = {
      symbol: "IWM",
      note: 'Small caps <script>alert("x")</script> & <img src=x onerror=alert(1)>',
      position: "long",
    };
    const title = 'Rotation <b>now</b> & "later"';
    const { html, text } = await renderAlertEmail({
      post: { ...post, title, summary: "<i>Summary</i>" },
      tickers: [hostile],
      links,
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>now</b>");
    expect(html).not.toContain("<i>Summary</i>");
    expect(html).toContain(
      "Small caps &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img",
    );
    expect(html).toContain("Rotation &lt;b&gt;now&lt;/b&gt; &amp; &quot;later&quot;");
    expect(text).toContain(hostile.note);
    expect(text).toContain(title);
  });

  it("writes a plain-text part with no markup, styles or preview padding", async () => {
    const { text } = await renderAlertEmail({ post, tickers: [IWM, SPY], links });
    expect(text).not.toMatch(TAG);
    expect(text).not.toMatch(/[{}]|prefers-color-scheme|color-scheme|!important/);
    expect(text).not.toMatch(/[\u200b-\u200f\ufeff\u00a0]/);
    expect(text.startsWith("Daily Insight · New on IWM and SPY\n")).toBe(true);
  });

  it("is an English document that supports dark mode", async () => {
    const { html, subject } = await renderAlertEmail({ post, tickers: [IWM], links });
    expect(html).toMatch(/<html[^>]* lang="en"/);
    expect(html).toContain('<meta name="color-scheme" content="light dark"/>');
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark"/>');
    expect(html).toContain("@media (prefers-color-scheme: dark)");
    expect(html).toContain(`<title>${subject}</title>`);
    expect(html).toMatch(/max-width:560px/);
  });

  it("refuses an alert that names no watched ticker", async () => {
    await expect(renderAlertEmail({ post, tickers: [], links })).rejects.toThrow(
      /no watched ticker/,
    );
  });
});
