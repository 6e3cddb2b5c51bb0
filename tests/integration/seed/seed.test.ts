import { validateDocument } from "@sanity/validation";
import type { ValidationClient } from "@sanity/validation";
import { evaluate, parse } from "groq-js";
import { createSchema } from "sanity";
import type { SanityDocument } from "sanity";
import { describe, expect, it } from "vitest";
import { readSeedDocuments, seedDataset, SEED_API_VERSION } from "../../../scripts/seed.ts";
import { schemaTypes } from "../../../sanity/schemaTypes/index.ts";
import { startTestLake } from "../../support/lake.ts";

type Span = { _type: string; _key?: string; text?: unknown; marks?: unknown };
type Block = {
  _type: string;
  _key?: string;
  style?: string;
  listItem?: string;
  markDefs?: Array<{ _key: string }>;
  children?: Span[];
};
type Post = SanityDocument & {
  title: string;
  publishedAt: string;
  summary: string;
  slug: { current: string };
  author: { _ref: string };
  tickers: Array<{ _key: string; ticker: { _ref: string }; note: string }>;
  keyPoints: Array<{ _key: string; label: string; text: string }>;
  body: Block[];
  recommendedTopics: Array<{ _key: string; title: string; description: string }>;
};

const documents = readSeedDocuments();
const byId = new Map(documents.map((doc) => [doc._id, doc]));
const post = byId.get("post-2026-01-16-great-rotation") as unknown as Post;
const blockText = (block: Block) => (block.children ?? []).map((span) => span.text).join("");
const textBlocks = () => post.body.filter((block) => block._type === "block");

const schema = createSchema({ name: "default", types: schemaTypes });
// Custom validators (uniqueness) query the dataset: answer them with groq-js over the seed.
const client = {
  fetch: async (query: string, params: Record<string, unknown> = {}) =>
    (await evaluate(parse(query, { params }), { dataset: documents, params })).get(),
  getDataUrl: () => "",
  observable: {},
  withConfig: () => client,
};
const validate = (document: Record<string, unknown>) =>
  validateDocument({
    document: document as unknown as SanityDocument,
    schema,
    client: client as unknown as ValidationClient,
    getDocumentExists: async ({ id }) => byId.has(id),
  });

describe("seed documents", () => {
  it("are Sanity documents with unique ids", () => {
    for (const doc of documents) {
      expect(doc._id).toMatch(/^[a-zA-Z0-9._-]+$/);
      expect(["post", "ticker", "author"]).toContain(doc._type);
    }
    expect(byId.size).toBe(documents.length);
  });

  it("hold the post with its date, summary, author and key points", () => {
    expect(post.title).toBe("The Great Rotation: Russell 2000’s Historic Streak Against Big Tech");
    expect(post.publishedAt.slice(0, 10)).toBe("2026-01-16");
    expect(post.summary.length).toBeGreaterThan(20);
    expect(byId.get(post.author._ref)?._type).toBe("author");
    expect(post.keyPoints.map((point) => point.label)).toEqual([
      "Historic Outperformance",
      'The "Great Rotation" Catalyst',
      "Extreme Valuation Gap",
    ]);
    expect(post.keyPoints[2]?.text).toContain("22x–26x");
  });

  it("link the five tickers, each once with its note, each a ticker document", () => {
    expect(post.tickers.map((mention) => mention.ticker._ref)).toEqual([
      "ticker-IWM",
      "ticker-AAPL",
      "ticker-NVDA",
      "ticker-SPY",
      "ticker-QQQ",
    ]);
    for (const mention of post.tickers) {
      expect(mention.note.length).toBeGreaterThan(40);
      const ticker = byId.get(mention.ticker._ref);
      expect(ticker).toMatchObject({
        _type: "ticker",
        symbol: mention.ticker._ref.slice("ticker.".length),
      });
      expect(ticker).toHaveProperty("name");
      expect(ticker).toHaveProperty("exchange");
      expect(ticker).toHaveProperty("description");
    }
    expect(post.tickers[0]?.note).toBe(
      "This ETF tracks the Russell 2000 Index, the primary subject of the document, which is experiencing a historic winning streak and benefiting from interest rate cuts and a valuation gap.",
    );
  });

  it("keep every numbered section and subsection heading", () => {
    const headings = textBlocks()
      .filter((block) => block.style === "h2" || block.style === "h3")
      .map((block) => `${block.style} ${blockText(block).split(" ")[0]}`);
    expect(headings).toEqual([
      "h2 1.",
      "h2 2.",
      "h3 2.1",
      "h3 2.2",
      "h2 3.",
      "h2 4.",
      "h3 4.1",
      "h3 4.2",
      "h2 5.",
    ]);
    expect(textBlocks().map(blockText)).toContain("2.1 The Federal Reserve Pivot");
  });

  it("keep every bullet with its label in bold", () => {
    const bullets = textBlocks().filter((block) => block.listItem === "bullet");
    expect(bullets).toHaveLength(18);
    for (const bullet of bullets) {
      expect(bullet.children?.[0]?.marks).toEqual(["strong"]);
      expect(String(bullet.children?.[0]?.text)).toMatch(/:$/);
    }
  });

  it("place the forward P/E chart at the end of section 3", () => {
    const index = post.body.findIndex((block) => block._type === "chart");
    expect(blockText(post.body[index + 1] as Block)).toBe("4. Is the Rotation Durable?");
    expect(blockText(post.body[index - 1] as Block)).toMatch(/^Mean Reversion:/);
    expect(post.body[index]).toMatchObject({
      title: "Forward P/E Ratio Comparison (Start of 2026)",
      caption:
        "The valuation gap between Small Caps and Large Caps reached historic levels entering 2026.",
      kind: "bar",
      unit: "x",
      series: [
        {
          points: [
            { label: "Russell 2000", value: 18 },
            { label: "S&P 500", value: 24, low: 22, high: 26 },
          ],
        },
      ],
    });
    expect(post.body[index]).toHaveProperty("source");
  });

  it("end with the four recommended topics", () => {
    expect(post.recommendedTopics.map((topic) => topic.title)).toEqual([
      'The "Janus Effect" in Markets',
      "Floating vs. Fixed Rate Debt",
      "Small Cap Value vs. Growth",
      "Impact of Reshoring on US Industrials",
    ]);
    for (const topic of post.recommendedTopics)
      expect(topic.description.length).toBeGreaterThan(10);
  });

  it("is well-formed Portable Text with stable keys", () => {
    const keys = new Set<string>();
    for (const block of post.body) {
      expect(block._key).toBeTruthy();
      expect(keys.has(block._key as string)).toBe(false);
      keys.add(block._key as string);
      if (block._type !== "block") continue;
      expect(Array.isArray(block.markDefs)).toBe(true);
      const markDefKeys = new Set((block.markDefs ?? []).map((def) => def._key));
      for (const span of block.children ?? []) {
        expect(span._type).toBe("span");
        expect(span._key).toBeTruthy();
        expect(typeof span.text).toBe("string");
        expect(Array.isArray(span.marks)).toBe(true);
        for (const mark of span.marks as string[]) {
          expect(["strong", "em", "code"].includes(mark) || markDefKeys.has(mark)).toBe(true);
        }
      }
    }
  });

  it("pass the Studio's own validation for every document", async () => {
    for (const document of documents) {
      const result = await validate(document);
      expect({ id: document._id, markers: result.markers }).toEqual({
        id: document._id,
        markers: [],
      });
      expect(result.status).toBe("passed");
    }
  });

  it("would fail validation where an editor goes wrong", async () => {
    // Outside the Studio, Sanity downgrades object-level rules to warnings (its unknown-fields
    // check is chained onto them with .warning()), so compare messages, not levels.
    const messages = async (document: Record<string, unknown>) =>
      (await validate(document)).markers.map((marker) => marker.message);

    const ticker = byId.get("ticker-IWM") as Record<string, unknown>;
    expect(await messages({ ...ticker, _id: "drafts.new-ticker", symbol: "iwm" })).toEqual([
      expect.stringMatching(/upper case.*Did you mean “IWM”/s),
    ]);
    expect(await messages({ ...ticker, _id: "drafts.new-ticker" })).toEqual([
      "Another ticker already uses the symbol “IWM”",
    ]);

    const chart = post.body.find((block) => block._type === "chart") as Record<string, unknown>;
    const badChart = {
      ...chart,
      series: [
        {
          _type: "chartSeries",
          _key: "a",
          name: "A",
          points: [{ _type: "chartPoint", _key: "p", label: "x", low: 26, high: 22 }],
        },
        { _type: "chartSeries", _key: "b", name: "B", points: [] },
      ],
    };
    const firstTicker = post.tickers[0];
    const broken = {
      ...post,
      _id: "drafts.post.other",
      body: [badChart],
      tickers: [firstTicker, { ...firstTicker, _key: "again", note: "" }],
    };
    expect(await messages(broken)).toEqual(
      expect.arrayContaining([
        "Slug is already in use",
        "The low end of the range must not exceed the high end",
        "Series “B” needs at least one point",
        "This ticker is already linked in this post; keep one mention and merge the notes",
        "Every ticker mention needs a note on why it matters",
      ]),
    );
  });
});

// Seeding a real local lake twice: the second run must write nothing.
describe("seeding the local lake", () => {
  it("is idempotent", async () => {
    const lake = await startTestLake();
    try {
      const client = lake.client.withConfig({ apiVersion: SEED_API_VERSION });
      expect(await seedDataset(client)).toEqual({ written: documents.length, unchanged: 0 });
      expect(await seedDataset(client)).toEqual({ written: 0, unchanged: documents.length });
      const stored = await client.fetch<{ title: string; tickers: string[] }>(
        `*[_id == "post-2026-01-16-great-rotation"][0]{title, "tickers": tickers[].ticker->symbol}`,
      );
      expect(stored).toEqual({ title: post.title, tickers: ["IWM", "AAPL", "NVDA", "SPY", "QQQ"] });
    } finally {
      await lake.stop();
    }
  });
});
