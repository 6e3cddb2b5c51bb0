// The lake bench's dataset: documents shaped like the seed (sanity/seed/*.ndjson) — authors,
// tickers, posts with ticker mentions, key points, a body and recommended topics — at the scale
// the budgets name, with a few scheduled posts and drafts, as the site's queries meet them.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const POSTS = 10_000;
export const TICKERS = 50;
export const AUTHORS = 8;
export const TOPICS = 40;
/** Posts whose publishedAt is still to come (goLiveQuery's "next"), beside the POSTS listed. */
export const SCHEDULED = 10;
/** Drafts of listed posts, as an editor's preview reads them. */
export const DRAFTS = 50;

const HOUR = 3_600_000;

export const authorId = (a: number) => `author-${a}`;
export const authorSlug = (a: number) => `analyst-${a}`;
export const tickerId = (t: number) => `ticker-${t}`;
export const tickerSymbol = (t: number) => `T${t}`;
export const postId = (i: number) => `post-${i}`;
export const postSlug = (i: number) => `post-${i}`;
export const topicTitle = (k: number) => `Topic ${k}: small caps and rates`;

const author = (a: number) => ({
  _id: authorId(a),
  _type: "author",
  name: `Analyst ${a}`,
  slug: { _type: "slug", current: authorSlug(a) },
  role: "Markets desk",
  bio: "Writes the daily market commentary: what moved, why it matters, what to watch next.",
  disclosure: "Commentary, not investment advice; positions are stated beside each ticker.",
});

const ticker = (t: number) => ({
  _id: tickerId(t),
  _type: "ticker",
  symbol: tickerSymbol(t),
  name: `Ticker ${t}`,
  kind: t % 3 === 0 ? "etf" : "stock",
  exchange: "NYSE Arca",
  description: "An exchange-traded fund that tracks an index of U.S. stocks.",
});

/**
 * Post `i`: listed posts are 6 hours apart before `now`, in an order unrelated to their ids (so
 * no sort is answered by dataset order); the SCHEDULED posts after the listed ones are due after
 * `now`.
 */
export function post(i: number, now: number): Record<string, unknown> {
  const publishedAt = new Date(
    i < POSTS ? now - (((i * 7919) % POSTS) + 1) * 6 * HOUR : now + (i - POSTS + 1) * HOUR,
  ).toISOString();
  return {
    _id: postId(i),
    _type: "post",
    _rev: "seed",
    _createdAt: publishedAt,
    _updatedAt: publishedAt,
    title: `Daily Insight ${i}`,
    slug: { _type: "slug", current: postSlug(i) },
    publishedAt,
    summary: "Small caps lag large caps while valuations diverge. ".repeat(3),
    author: { _type: "reference", _ref: authorId(i % AUTHORS) },
    tickers: [0, 1, 2].map((k) => ({
      _type: "tickerMention",
      _key: `t${k}`,
      ticker: { _type: "reference", _ref: tickerId((i + k * 17) % TICKERS) },
      note: "Why it matters: the rotation away from mega caps shows here first.",
      position: k === 0 ? "long" : "none",
    })),
    keyPoints: [{ _key: "k1", label: "Valuation", text: "Forward P/E at 22x–26x." }],
    body: Array.from({ length: 6 }, (_, b) => ({
      _key: `b${b}`,
      _type: "block",
      style: "normal",
      markDefs: [],
      children: [
        {
          _key: `s${b}`,
          _type: "span",
          marks: [],
          text: "Market commentary paragraph with enough words to look real. ".repeat(4),
        },
      ],
    })),
    // Two to four topics, as the seed post recommends four.
    recommendedTopics: Array.from({ length: 2 + (i % 3) }, (_, j) => ({
      _type: "recommendedTopic",
      _key: `topic${j + 1}`,
      title: topicTitle((i * 3 + j * 7) % TOPICS),
      description: "How the theme plays out across Russell 2000 sectors.",
    })),
  };
}

/** Writes the dataset where startLake({ dataDir }) loads it from; `now` dates the posts. */
export async function writeDataset(dataDir: string, now: number): Promise<void> {
  const dir = path.join(dataDir, "production");
  await mkdir(dir, { recursive: true });
  const docs = [
    ...Array.from({ length: AUTHORS }, (_, a) => author(a)),
    ...Array.from({ length: TICKERS }, (_, t) => ticker(t)),
    ...Array.from({ length: POSTS + SCHEDULED }, (_, i) => post(i, now)),
    ...Array.from({ length: DRAFTS }, (_, d) => ({
      ...post(d, now),
      _id: `drafts.${postId(d)}`,
      title: `Daily Insight ${d} (revised)`,
    })),
  ];
  await writeFile(
    path.join(dir, "data.ndjson"),
    `${docs.map((doc) => JSON.stringify(doc)).join("\n")}\n`,
  );
}
