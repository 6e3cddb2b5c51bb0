import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { extractHeadings } from "@/components/portable-text/headings";
import { PortableBody } from "@/components/portable-text/portable-body";
import { seedBody, seedTexts, seedTickers } from "../../support/seed-post";

type Block = { _type: string; _key?: string };

function render(body: readonly Block[], tickers = seedTickers): string {
  return renderToStaticMarkup(
    createElement(PortableBody, { value: body, headings: extractHeadings(body), tickers }),
  );
}

/** One paragraph whose single span carries the given marks and markDefs. */
function paragraph(
  text: string,
  markDefs: Array<Record<string, unknown>> = [],
  marks: string[] = [],
) {
  return {
    _type: "block",
    _key: "p1",
    style: "normal",
    markDefs,
    children: [{ _type: "span", _key: "s1", text, marks }],
  };
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The text a sighted reader sees: no note cards, no visually hidden anchor labels. */
function visibleText(html: string): string {
  const hidden = /class="(ticker-card|section-heading__anchor-label)"|\shidden(=|\s|>)/;
  let skipDepth = 0;
  let depth = 0;
  let text = "";
  for (const [token] of html.matchAll(/<\/?[a-z0-9]+[^>]*>|[^<]+/g)) {
    if (token.startsWith("</")) {
      if (skipDepth && depth === skipDepth) skipDepth = 0;
      depth -= 1;
    } else if (token.startsWith("<")) {
      depth += 1;
      if (!skipDepth && hidden.test(token)) skipDepth = depth;
    } else if (!skipDepth) {
      text += unescape(token);
    }
  }
  return text;
}

/** The describedby card of the first link with this href and text. */
function cardFor(html: string, href: string, text: string): string | null {
  const link = [...html.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].find(
    (match) => match[1]?.includes(`href="${href}"`) && match[2] === text,
  );
  const id = link?.[1]?.match(/aria-describedby="([^"]+)"/)?.[1];
  if (!id) return null;
  const start = html.indexOf(`id="${id}"`);
  const open = html.lastIndexOf("<span", start);
  const end = html.indexOf("</span></span>", html.indexOf("ticker-card__note", start));
  return unescape(html.slice(open, end).replace(/<[^>]+>/g, ""));
}

describe("PortableBody with the seed post", () => {
  const html = render(seedBody);

  it("renders every section heading with a stable anchor id and a link to it", () => {
    const headings = extractHeadings(seedBody);
    expect(headings.map((heading) => heading.id)).toEqual([
      "1-the-historic-winning-streak",
      "2-macro-catalysts-driving-the-rally",
      "2-1-the-federal-reserve-pivot",
      "2-2-the-earnings-handoff",
      "3-valuation-dynamics-the-coiled-spring",
      "4-is-the-rotation-durable",
      "4-1-the-bull-case-a-structural-shift",
      "4-2-the-bear-case-labor-market-risks",
      "5-sector-implications",
    ]);
    for (const heading of headings) {
      const tag = `h${heading.level}`;
      const match = html.match(new RegExp(`<${tag} id="${heading.id}"[^>]*>(.*?)</${tag}>`));
      expect(match, heading.id).not.toBeNull();
      expect(visibleText(match?.[1] ?? "")).toBe(`${heading.text} #`);
      expect(match?.[1]).toContain(`href="#${heading.id}"`);
    }
    expect(html.match(/<h2 /g)).toHaveLength(5);
    expect(html.match(/<h3 /g)).toHaveLength(4);
  });

  it("renders every bullet of the seed as a list item", () => {
    const bullets = seedTexts((block) => block.listItem === "bullet");
    expect(bullets).toHaveLength(18);
    const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((match) =>
      visibleText(match[1] ?? ""),
    );
    expect(items).toHaveLength(bullets.length);
    bullets.forEach((bullet, index) => expect(items[index]).toBe(bullet));
    expect(html.match(/<ul>/g)).toHaveLength(7);
    expect(html).toContain("<strong>9-Day Streak:</strong>");
  });

  it("renders every paragraph", () => {
    for (const text of seedTexts((block) => block.style === "normal" && !block.listItem)) {
      expect(visibleText(html)).toContain(text);
    }
  });

  it("links ticker references to the ticker page with a described note card", () => {
    expect(cardFor(html, "/tickers/IWM", "Russell 2000 Index")).toBe(
      `IWM iShares Russell 2000 ETF ${seedTickers[0]?.note}`,
    );
    expect(cardFor(html, "/tickers/SPY", "S&amp;P 500")).toContain(
      "SPDR S&P 500 ETF Trust This ETF",
    );
    expect(html).toMatch(/<span class="ticker-card" role="tooltip" id="[^"]+">/);
    expect(html).toContain('href="/tickers/SPY"');
    expect(html).toContain('href="/tickers/QQQ"');
    // Each mention has its own card id.
    const ids = [...html.matchAll(/aria-describedby="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draws the chart block as a figure with its caption", () => {
    expect(html).toMatch(/<figure class="chart" data-chart-kind="bar">/);
    expect(html).toContain("Forward P/E Ratio Comparison (Start of 2026)</span>");
  });
});

describe("PortableBody safety", () => {
  it.each([
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
  ])("renders a link to %j as plain text", (href) => {
    const html = render([paragraph("click me", [{ _type: "link", _key: "l1", href }], ["l1"])]);
    expect(html).toBe('<div class="prose"><p>click me</p></div>');
  });

  it("keeps http(s), mailto and relative links; external ones get noopener noreferrer", () => {
    const cases = [
      ["https://example.com/a?b=1", ' rel="noopener noreferrer"'],
      ["http://example.com", ' rel="noopener noreferrer"'],
      ["mailto:desk@example.com", ""],
      ["/tickers/IWM", ""],
      ["#1-the-historic-winning-streak", ""],
    ] as const;
    for (const [href, rel] of cases) {
      const html = render([paragraph("go", [{ _type: "link", _key: "l1", href }], ["l1"])]);
      expect(html).toContain(`<a href="${href.replace(/&/g, "&amp;")}"${rel}>go</a>`);
    }
  });

  it("renders HTML in text inert, as text", () => {
    const attack =
      '<img src=x onerror="alert(1)"><script>alert(1)</script></p><a href="javascript:1">x</a>';
    const html = render([paragraph(attack), { ...paragraph(attack), _key: "h", style: "h2" }]);
    expect(html).not.toMatch(/<img|<script|<a href="javascript/i);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;");
    // The heading's id is derived from the text, never raw markup.
    expect(html).toMatch(
      /<h2 id="img-src-x-onerror-alert-1-script-alert-1-script-p-a-href-javascript-1-x-a"/,
    );
  });

  it("links $CASHTAGS in text, with the post's note card when the post links the ticker", () => {
    const html = render([paragraph("Watch $IWM and $TSLA, not $100 or US$5.")]);
    expect(cardFor(html, "/tickers/IWM", "$IWM")).toContain("iShares Russell 2000 ETF This ETF");
    // A ticker this post does not link: a plain link, no card.
    expect(html).toContain('<a class="ticker-mention__link" href="/tickers/TSLA">$TSLA</a>');
    expect(html).toContain(" or US$5.");
    expect(html).not.toContain("/tickers/100");
  });

  it("does not nest a cashtag link inside a link", () => {
    const html = render([
      paragraph("see $IWM", [{ _type: "link", _key: "l1", href: "https://example.com" }], ["l1"]),
    ]);
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">see $IWM</a>');
    expect(html).not.toContain("/tickers/IWM");
  });

  it("renders a ticker reference whose ticker is gone as plain text", () => {
    const html = render([
      paragraph("gone", [{ _type: "tickerRef", _key: "t1", ticker: null }], ["t1"]),
    ]);
    expect(html).toBe('<div class="prose"><p>gone</p></div>');
  });
});
