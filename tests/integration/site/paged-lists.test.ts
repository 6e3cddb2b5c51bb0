import type * as NextCache from "next/cache";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSeededTestLake } from "../../support/lake.ts";

// An author's, a ticker's and a topic's posts a page at a time (`?page=N`), read through
// lib/sanity from the seeded local lake: the pages are the whole list newest first, cut in
// POST_LIST_PAGE_SIZE, with every listed post once and no scheduled one; the totals and page
// counts say so, and each page is cached under the tags its first page is.
const cacheTag = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof NextCache>()),
  cacheTag,
  cacheLife: () => {},
}));

const AUTHOR = { id: "author-paging", slug: "paging-desk" };
const TICKER = { id: "ticker-IWM", symbol: "IWM" };
const SEED_POST = "post-2026-01-16-great-rotation";
const TOPIC = { title: "Paging through small caps", slug: "paging-through-small-caps" };
const POSTS = 45;

/** Post i: two share each day (ties broken by _id), all before the seed post's day. */
const postOf = (i: number) => ({
  _id: `post-paging-${String(i).padStart(2, "0")}`,
  _type: "post",
  title: `Paging ${i}`,
  slug: { _type: "slug", current: `paging-${i}` },
  publishedAt: new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2), 8)).toISOString(),
  author: { _type: "reference", _ref: AUTHOR.id },
  tickers: [
    {
      _key: "iwm",
      _type: "tickerMention",
      ticker: { _type: "reference", _ref: TICKER.id },
      note: `Note ${i}`,
      position: "none",
    },
  ],
  // The newest post (44) describes the topic with nothing; the next (42, before 43 by _id on
  // their shared day) names it: that description is the topic's.
  recommendedTopics: [
    {
      _key: "t",
      _type: "recommendedTopic",
      title: TOPIC.title,
      description: i === 44 ? "" : i === 42 ? "The newest description" : "Older",
    },
  ],
});
const newestFirst = (posts: Array<{ _id: string; publishedAt: string }>) =>
  posts
    .toSorted((a, b) =>
      a.publishedAt === b.publishedAt
        ? a._id.localeCompare(b._id)
        : b.publishedAt.localeCompare(a.publishedAt),
    )
    .map((post) => post._id);
const PAGING_POSTS = newestFirst(Array.from({ length: POSTS }, (_, i) => postOf(i)));

let lake: Awaited<ReturnType<typeof startSeededTestLake>>;
let lists: {
  byAuthor: (page: number) => Promise<{ ids: string[]; pageCount: number; total: number }>;
  forTicker: (page: number) => Promise<{ ids: string[]; pageCount: number; total: number }>;
  forTopic: (
    page: number,
  ) => Promise<{ ids: string[]; pageCount: number; total: number; description: string }>;
};
let pageSize: number;

beforeAll(async () => {
  lake = await startSeededTestLake();
  vi.stubEnv("SANITY_PROJECT_ID", "");
  vi.stubEnv("LAKE_HOST", "127.0.0.1");
  vi.stubEnv("LAKE_PORT", String(lake.lake.port));
  const tx = lake.client.transaction();
  tx.create({
    _id: AUTHOR.id,
    _type: "author",
    name: "Paging Desk",
    slug: { current: AUTHOR.slug },
  });
  for (let i = 0; i < POSTS; i++) tx.create(postOf(i));
  // Neither a scheduled post nor a draft is listed.
  tx.create({
    ...postOf(99),
    _id: "post-paging-scheduled",
    publishedAt: "2999-01-01T00:00:00.000Z",
  });
  tx.create({ ...postOf(98), _id: "drafts.post-paging-draft" });
  await tx.commit();

  const { listPostsByAuthor } = await import("@/lib/sanity/authors");
  const { listPostsForTicker } = await import("@/lib/sanity/tickers");
  const { getTopicBySlugOrNotFound } = await import("@/lib/sanity/topics");
  ({ POST_LIST_PAGE_SIZE: pageSize } = await import("@/lib/sanity/posts"));
  const ids = <T extends { posts: Array<{ id: string }> }>({ posts, ...rest }: T) => ({
    ...rest,
    ids: posts.map((post) => post.id),
  });
  lists = {
    byAuthor: async (page) => ids(await listPostsByAuthor(AUTHOR.id, { page })),
    forTicker: async (page) => ids(await listPostsForTicker(TICKER.id, { page })),
    forTopic: async (page) => ids(await getTopicBySlugOrNotFound(TOPIC.slug, { page })),
  };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await lake.stop();
});

/** Every page of a list, in order, with the total and page count the first page gave. */
async function allPages(
  read: (page: number) => Promise<{ ids: string[]; pageCount: number; total: number }>,
) {
  const first = await read(1);
  const pages = [first.ids];
  for (let page = 2; page <= first.pageCount; page++) {
    const next = await read(page);
    expect(next.pageCount).toBe(first.pageCount);
    pages.push(next.ids);
  }
  return { pages, total: first.total, pageCount: first.pageCount };
}

describe("paged lists of posts", () => {
  it("cut an author's posts into pages, newest first, each post once", async () => {
    const { pages, total, pageCount } = await allPages(lists.byAuthor);
    expect(pageSize).toBeLessThan(POSTS);
    expect(total).toBe(POSTS);
    expect(pageCount).toBe(Math.ceil(POSTS / pageSize));
    expect(pages.map((page) => page.length)).toEqual(
      Array.from({ length: pageCount }, (_, p) => Math.min(pageSize, POSTS - p * pageSize)),
    );
    expect(pages.flat()).toEqual(PAGING_POSTS);
    // Past the last page there is nothing (the page itself is a 404).
    expect(await lists.byAuthor(pageCount + 1)).toMatchObject({ ids: [], total: POSTS });
  });

  it("cut a ticker's coverage into pages, with the count of every post that covers it", async () => {
    const { pages, total } = await allPages(lists.forTicker);
    // The seed post covers IWM too, and is the newest.
    expect(total).toBe(POSTS + 1);
    expect(pages.flat()).toEqual([SEED_POST, ...PAGING_POSTS]);
  });

  it("cut a topic's posts into pages, with the newest description given", async () => {
    const { pages, total } = await allPages(lists.forTopic);
    expect(total).toBe(POSTS);
    expect(pages.flat()).toEqual(PAGING_POSTS);
    for (let page = 1; page <= 2; page++)
      expect((await lists.forTopic(page)).description).toBe("The newest description");
  });

  it("cache a later page under the tags of the list's first page", async () => {
    const tagsOf = async (read: () => Promise<unknown>) => {
      cacheTag.mockClear();
      await read();
      return cacheTag.mock.calls.flat() as string[];
    };
    for (const read of [lists.byAuthor, lists.forTicker, lists.forTopic]) {
      const first = await tagsOf(() => read(1));
      const second = await tagsOf(() => read(2));
      const listTags = (tags: string[]) => tags.filter((tag) => !tag.startsWith("post:"));
      expect(listTags(second)).toEqual(listTags(first));
      expect(listTags(first).length).toBeGreaterThan(0);
    }
  });
});
