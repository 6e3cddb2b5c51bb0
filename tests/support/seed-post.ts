import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The one reader of the seed content for tests that need no lake: its documents as written
// (sanity/seed/*.ndjson), and the seed post as postBySlugQuery returns it: ticker references in
// the body's markDefs dereferenced to { _id, _type, symbol, name }, and the post's tickers with
// their notes.

export type SeedDoc = Record<string, unknown> & { _id: string; _type: string };
type Doc = SeedDoc;
type Block = { _type: string; _key: string; markDefs?: Array<Record<string, unknown>> } & Record<
  string,
  unknown
>;

const seedFile = fileURLToPath(
  new URL("../../sanity/seed/daily-insight-2026-01-16.ndjson", import.meta.url),
);

export const seedDocs: Doc[] = readFileSync(seedFile, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc);

const byId = new Map(seedDocs.map((doc) => [doc._id, doc]));
const post = seedDocs.find((doc) => doc._type === "post") as Doc & {
  body: Block[];
  keyPoints: Array<{ label: string; text: string }>;
  tickers: Array<{ _key: string; note: string; ticker: { _ref: string } }>;
};

const tickerChip = (ref: string) => {
  const doc = byId.get(ref) as (Doc & { symbol: string; name: string }) | undefined;
  return doc ? { _id: doc._id, _type: "ticker", symbol: doc.symbol, name: doc.name } : null;
};

export const seedBody: Block[] = post.body.map((block) =>
  block._type === "block"
    ? {
        ...block,
        markDefs: (block.markDefs ?? []).map((def) =>
          def._type === "tickerRef"
            ? { ...def, ticker: tickerChip((def.ticker as { _ref: string })._ref) }
            : def,
        ),
      }
    : block,
);

export const seedTickers = post.tickers.map((mention) => {
  const chip = tickerChip(mention.ticker._ref);
  if (!chip) throw new Error(`seed: missing ticker ${mention.ticker._ref}`);
  return { id: chip._id, symbol: chip.symbol, name: chip.name, note: mention.note };
});

export const seedKeyPoints = post.keyPoints;

export const seedChart = post.body.find((block) => block._type === "chart") as Block;

/** The text of every block of the given kind, in order. */
export function seedTexts(predicate: (block: Block) => boolean): string[] {
  return post.body
    .filter(predicate)
    .map((block) =>
      ((block.children as Array<{ text: string }> | undefined) ?? [])
        .map((span) => span.text)
        .join(""),
    );
}
