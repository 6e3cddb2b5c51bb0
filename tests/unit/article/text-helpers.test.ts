import { describe, expect, it } from "vitest";
import { splitCashtags, withCashtagMarks } from "@/components/portable-text/cashtags";
import { extractHeadings, slugifyHeading } from "@/components/portable-text/headings";
import { countWords, readingMinutes } from "@/components/portable-text/reading-time";
import { toSafeHref } from "@/lib/content/links";
import { serializeJsonLd } from "@/components/json-ld";
import { seedBody, seedKeyPoints } from "../../support/seed-post";

describe("splitCashtags", () => {
  it.each([
    ["Buy $IWM now", ["Buy ", { symbol: "IWM", text: "$IWM" }, " now"]],
    [
      "$BRK.B and $NVDA.",
      [{ symbol: "BRK.B", text: "$BRK.B" }, " and ", { symbol: "NVDA", text: "$NVDA" }, "."],
    ],
    ["($SPY)", ["(", { symbol: "SPY", text: "$SPY" }, ")"]],
    ["$IWM's streak", [{ symbol: "IWM", text: "$IWM" }, "'s streak"]],
  ])("finds the cashtags in %j", (text, parts) => {
    expect(splitCashtags(text)).toEqual(parts);
  });

  it.each(["costs $100", "US$5", "$iwm", "$IWMx", "$$IWM", "a$IWM", "$ABCDEFGHIJK", "no tags"])(
    "leaves %j as text",
    (text) => {
      expect(splitCashtags(text)).toEqual([text]);
    },
  );

  it("wraps cashtags in an annotation, leaving code and annotated spans alone", () => {
    const [block] = withCashtagMarks([
      {
        _type: "block",
        _key: "b",
        markDefs: [{ _type: "link", _key: "l" }],
        children: [
          { _type: "span", _key: "s1", text: "Up: $IWM, $IWM", marks: ["strong"] },
          { _type: "span", _key: "s2", text: "$QQQ", marks: ["code"] },
          { _type: "span", _key: "s3", text: "$SPY", marks: ["l"] },
        ],
      },
    ]);
    expect(block).toMatchObject({
      markDefs: [
        { _type: "link", _key: "l" },
        { _type: "cashtag", _key: "cashtag-IWM", symbol: "IWM" },
      ],
      children: [
        { text: "Up: ", marks: ["strong"] },
        { text: "$IWM", marks: ["strong", "cashtag-IWM"] },
        { text: ", ", marks: ["strong"] },
        { text: "$IWM", marks: ["strong", "cashtag-IWM"] },
        { _key: "s2", text: "$QQQ", marks: ["code"] },
        { _key: "s3", text: "$SPY", marks: ["l"] },
      ],
    });
  });

  it("returns blocks without cashtags unchanged", () => {
    expect(withCashtagMarks(seedBody)).toEqual(seedBody);
  });
});

describe("heading ids", () => {
  it.each([
    ["1. The Historic Winning Streak", "1-the-historic-winning-streak"],
    ["2.1 The Federal Reserve Pivot", "2-1-the-federal-reserve-pivot"],
    ['3. Valuation Dynamics: The "Coiled Spring"', "3-valuation-dynamics-the-coiled-spring"],
    ["Russell 2000’s Streak", "russell-2000s-streak"],
    ["S&P 500 vs. Nasdaq", "s-and-p-500-vs-nasdaq"],
    ["Ça monte — déjà", "ca-monte-deja"],
    ["🔑 ?!", "section"],
  ])("%j → %j", (text, id) => {
    expect(slugifyHeading(text)).toBe(id);
  });

  it("keeps ids unique within a post", () => {
    const heading = (key: string, text: string) => ({
      _type: "block",
      _key: key,
      style: "h2",
      children: [{ _type: "span", text }],
    });
    const ids = extractHeadings([
      heading("a", "Outlook"),
      heading("b", "Outlook"),
      heading("c", "Outlook"),
    ]);
    expect(ids.map((item) => item.id)).toEqual(["outlook", "outlook-2", "outlook-3"]);
  });

  it("lists the seed's sections with their levels", () => {
    const headings = extractHeadings(seedBody);
    expect(headings.map((item) => item.level)).toEqual([2, 2, 3, 3, 2, 2, 3, 3, 2]);
    expect(headings[0]).toMatchObject({ key: "b001", text: "1. The Historic Winning Streak" });
  });
});

describe("reading time", () => {
  it("counts words, not punctuation", () => {
    expect(countWords("  The S&P 500 — up 5.8%!  ")).toBe(5);
  });

  it("is 4 minutes for the seed post (about 780 words with its key points)", () => {
    expect(
      readingMinutes(
        seedBody,
        seedKeyPoints.map((point) => `${point.label} ${point.text}`),
      ),
    ).toBe(4);
  });

  it("is at least one minute", () => {
    expect(readingMinutes([])).toBe(1);
  });
});

describe("toSafeHref", () => {
  it.each([
    ["https://example.com", { href: "https://example.com", external: true }],
    ["  http://example.com/x  ", { href: "http://example.com/x", external: true }],
    ["//evil.example/x", { href: "//evil.example/x", external: true }],
    ["mailto:desk@example.com", { href: "mailto:desk@example.com", external: false }],
    ["/tickers/IWM", { href: "/tickers/IWM", external: false }],
    ["#section", { href: "#section", external: false }],
    ["../x?y=1", { href: "../x?y=1", external: false }],
  ])("keeps %j", (raw, safe) => {
    expect(toSafeHref(raw)).toEqual(safe);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,x",
    "vbscript:x",
    "ftp://example.com",
    "",
    undefined,
    42,
  ])("refuses %j", (raw) => {
    expect(toSafeHref(raw)).toBeNull();
  });
});

describe("serializeJsonLd", () => {
  it("escapes < so editor text cannot close the script element", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});
