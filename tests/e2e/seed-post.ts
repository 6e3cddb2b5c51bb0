import { readSeedDocuments } from "../../scripts/seed.ts";

// What the reading specs check against: the seed post as written in sanity/seed/, so a change to
// the seed shows up here instead of in a copy of it.

interface SeedPost {
  _id: string;
  title: string;
  slug: { current: string };
  author: { _ref: string };
  tickers: Array<{ _key: string; note: string; ticker: { _ref: string } }>;
  keyPoints: Array<{ label: string; text: string }>;
  recommendedTopics: Array<{ title: string; description: string }>;
}

interface SeedAuthor {
  _id: string;
  name: string;
  slug: { current: string };
  role: string;
  bio: string;
  disclosure: string;
}

interface SeedTicker {
  _id: string;
  symbol: string;
  name: string;
}

const documents = readSeedDocuments();
const post = documents.find((doc) => doc._type === "post") as unknown as SeedPost;
const tickersById = new Map(
  documents
    .filter((doc) => doc._type === "ticker")
    .map((doc) => [doc._id, doc as unknown as SeedTicker]),
);

export const seedPost = {
  id: post._id,
  title: post.title,
  slug: post.slug.current,
  path: `/insights/${post.slug.current}`,
  keyPoints: post.keyPoints,
  recommendedTopics: post.recommendedTopics,
  tickers: post.tickers.map(({ _key, note, ticker }) => {
    const doc = tickersById.get(ticker._ref);
    if (!doc) throw new Error(`seed post links a ticker that is not seeded: ${ticker._ref}`);
    return { key: _key, id: doc._id, symbol: doc.symbol, name: doc.name, note };
  }),
};

const author = documents.find((doc) => doc._id === post.author._ref) as unknown as SeedAuthor;

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
