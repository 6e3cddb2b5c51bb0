import { postPath } from "../../lib/routes.ts";
import { readSeedDocuments, type SeedDocument } from "../../scripts/seed.ts";

// The one reader of the seed content for unit, integration and e2e tests and the benchmarks:
// the documents of sanity/seed/*.ndjson read as `npm run seed` reads them (scripts/seed.ts), so
// a change to the seed shows up here instead of in a copy of it; and the seed post in the shapes
// tests check against, as postBySlugQuery returns it (ticker references in the body's markDefs
// dereferenced to { _id, _type, symbol, name }; the post's tickers with their notes).

export type SeedDoc = SeedDocument;
type Block = { _type: string; _key: string; markDefs?: Array<Record<string, unknown>> } & Record<
  string,
  unknown
>;
type TickerDoc = SeedDoc & { symbol: string; name: string };

export const seedDocs: SeedDoc[] = readSeedDocuments();

/** The seed post as written, for tests and benchmarks that publish variants of it. */
export const seedPostDocument = seedDocs.find((doc) => doc._type === "post") as SeedDoc & {
  title: string;
  slug: { _type: "slug"; current: string };
  publishedAt: string;
  body: Block[];
  keyPoints: Array<{ label: string; text: string }>;
  recommendedTopics: Array<{ title: string; description: string }>;
  tickers: Array<{ _key: string; note: string; ticker: { _ref: string } }>;
  author: { _ref: string };
};
const post = seedPostDocument;

const byId = new Map(seedDocs.map((doc) => [doc._id, doc]));

function tickerDoc(ref: string): TickerDoc {
  const doc = byId.get(ref);
  if (doc?._type !== "ticker")
    throw new Error(`the seed links a ticker that is not seeded: ${ref}`);
  return doc as TickerDoc;
}

export const seedPost = {
  id: post._id,
  title: post.title,
  slug: post.slug.current,
  path: postPath(post.slug.current),
  keyPoints: post.keyPoints,
  recommendedTopics: post.recommendedTopics,
  tickers: post.tickers.map(({ _key, note, ticker }) => {
    const doc = tickerDoc(ticker._ref);
    return { key: _key, id: doc._id, symbol: doc.symbol, name: doc.name, note };
  }),
};

const author = byId.get(post.author._ref) as SeedDoc & {
  name: string;
  slug: { current: string };
  role: string;
  bio: string;
  disclosure: string;
};

/** The seed post's author. */
export const seedAuthor = {
  id: author._id,
  name: author.name,
  slug: author.slug.current,
  role: author.role,
  bio: author.bio,
  disclosure: author.disclosure,
};

/** A ticker the seed post links, with its note there. */
export function seedTicker(symbol: string) {
  const ticker = seedPost.tickers.find((candidate) => candidate.symbol === symbol);
  if (!ticker) throw new Error(`the seed post no longer links ${symbol}`);
  return ticker;
}

/** The seed post's tickers with their notes, in the post's order. */
export const seedTickers = seedPost.tickers;

export const seedKeyPoints = post.keyPoints;

export const seedBody: Block[] = post.body.map((block) =>
  block._type === "block"
    ? {
        ...block,
        markDefs: (block.markDefs ?? []).map((def) => {
          if (def._type !== "tickerRef") return def;
          const doc = tickerDoc((def.ticker as { _ref: string })._ref);
          return {
            ...def,
            ticker: { _id: doc._id, _type: "ticker", symbol: doc.symbol, name: doc.name },
          };
        }),
      }
    : block,
);

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
