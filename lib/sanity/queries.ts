import { defineQuery } from "groq";

// Every GROQ query the site runs. `npm run typegen` reads this file and writes the result types
// to lib/sanity/types.ts (named after each constant: postBySlugQuery → PostBySlugQueryResult).
//
// Convention: every referenced document a query shows is projected with `_id` and `_type`, so
// sanityFetch can tag the cache entry with it (lib/sanity/tags.ts) and a webhook for that
// document revalidates every page that shows it.

const tickerChip = /* groq */ `{ _id, _type, symbol, name }`;

const postCard = /* groq */ `{
  _id,
  _type,
  title,
  "slug": slug.current,
  publishedAt,
  summary,
  "tickers": tickers[defined(ticker)].ticker->${tickerChip}
}`;

// What readers may see of a post: it has a slug (or it cannot be linked to) and its time has
// come. A post whose publishedAt is in the future is scheduled: no page, list, count, search,
// feed, sitemap or card shows it until then. Cached results that left it out are revalidated at
// its time by lib/sanity/go-live.ts, as a publish webhook would.
const linkablePost = /* groq */ `_type == "post" && defined(slug.current)`;
const listedPost = /* groq */ `${linkablePost} && publishedAt <= now()`;

// The posts that link $tickerId (references() is index-backed; the exact condition then runs on
// those candidates only), and what each says of that ticker.
const linksTicker = /* groq */ `references($tickerId) && $tickerId in tickers[].ticker._ref`;
const tickerMention = /* groq */ `
    "note": tickers[ticker._ref == $tickerId][0].note,
    "position": tickers[ticker._ref == $tickerId][0].position`;

export const latestPostsQuery = defineQuery(`
  *[${listedPost}] | order(publishedAt desc, _id asc) [$start...$end] ${postCard}
`);

export const postCountQuery = defineQuery(`count(*[${listedPost}])`);

const article = /* groq */ `{
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    summary,
    "author": author->{ _id, _type, name, "slug": slug.current, role },
    "tickers": tickers[defined(ticker)]{
      _key,
      note,
      position,
      "ticker": ticker->{ _id, _type, symbol, name, kind, exchange, description }
    },
    corrections[]{ _key, kind, at, text },
    keyPoints[]{ _key, label, text },
    body[]{
      ...,
      _type == "block" => {
        markDefs[]{
          ...,
          _type == "tickerRef" => { "ticker": ticker->${tickerChip} }
        }
      }
    },
    recommendedTopics[]{ _key, title, description }
  }`;

export const postBySlugQuery = defineQuery(`
  *[${listedPost} && slug.current == $slug][0]${article}
`);

// Draft mode (an editor's preview) shows a scheduled post before its time.
export const draftPostBySlugQuery = defineQuery(`
  *[_type == "post" && slug.current == $slug][0]${article}
`);

// `references()` is index-backed in the Content Lake (and the local lake); the exact condition
// on `tickers[]` then runs on those candidates only.
export const relatedPostsQuery = defineQuery(`
  *[${listedPost} && _id != $postId && references($tickerIds) && count(tickers[ticker._ref in $tickerIds]) > 0]
    | order(publishedAt desc, _id asc) [0...$limit] ${postCard}
`);

// Post counts are tallied from one pass over the posts' ticker references (lib/sanity/tickers.ts):
// a count(*[…]) subquery per ticker rescans every post once per ticker.
export const allTickersQuery = defineQuery(`{
  "tickers": *[_type == "ticker" && defined(symbol)] | order(symbol asc){ _id, _type, symbol, name, kind },
  "postTickerIds": *[${listedPost}]{ "ids": array::unique(tickers[].ticker._ref) }.ids
}`);

export const tickerBySymbolQuery = defineQuery(`
  *[_type == "ticker" && symbol == $symbol][0]{ _id, _type, symbol, name, kind, exchange, description }
`);

// One page of a ticker's posts, newest first, and how many there are (the page count and the
// "Coverage (N)" heading).
export const postsForTickerQuery = defineQuery(`{
  "posts": *[${listedPost} && ${linksTicker}] | order(publishedAt desc, _id asc) [$start...$end]{
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    summary,${tickerMention}
  },
  "total": count(*[${listedPost} && ${linksTicker}])
}`);

// Every listed post, for the sitemap and static params: in dataset order and with no more than
// they use, since it is the one read of every post (no sort over all of them, no extra field).
export const allPostSlugsQuery = defineQuery(`
  *[${listedPost}]{ "slug": slug.current, _updatedAt }
`);

export const allTickerSymbolsQuery = defineQuery(`
  *[_type == "ticker" && defined(symbol)] | order(symbol asc){ symbol, _updatedAt }
`);

// --- Search, authors, topics and the feed ---------------------------------------------------

// Every term must match somewhere in the post's words or its tickers' symbols ($terms come from
// lib/content/search.ts: words with a trailing `*` for prefix matching); a query that is exactly
// a symbol (BRK.B) also finds the posts that link it. Title and summary hits rank first.
export const searchPostsQuery = defineQuery(`
  *[${listedPost} && (
    [title, summary, pt::text(body), ...tickers[].ticker->symbol] match $terms
    || $symbol in tickers[].ticker->symbol
  )]
    | score(boost(title match $terms, 3), boost(summary match $terms, 2), pt::text(body) match $terms)
    | order(_score desc, publishedAt desc, _id asc) [0...$limit] ${postCard}
`);

export const authorBySlugQuery = defineQuery(`
  *[_type == "author" && slug.current == $slug][0]{
    _id, _type, name, "slug": slug.current, role, bio, disclosure
  }
`);

// One page of an author's posts, newest first, and how many there are. `references()` is
// index-backed, as for tickers.
const byAuthor = /* groq */ `references($authorId) && author._ref == $authorId`;

export const postsByAuthorQuery = defineQuery(`{
  "posts": *[${listedPost} && ${byAuthor}] | order(publishedAt desc, _id asc) [$start...$end] ${postCard},
  "total": count(*[${listedPost} && ${byAuthor}])
}`);

export const allAuthorSlugsQuery = defineQuery(`
  *[_type == "author" && defined(slug.current)] | order(name asc){ "slug": slug.current, name, _updatedAt }
`);

// Recommended topics are inline objects, not documents: a topic is its title, and its page
// lists the posts that recommend a topic with that title. Unordered: sorting every listed post
// by date only to order a few dozen titles cost more than the rest of the read (30 against
// 16 ms over 10,000 posts); lib/sanity/topics.ts orders them.
export const allTopicTitlesQuery = defineQuery(`
  array::unique(*[${listedPost}].recommendedTopics[defined(title)].title)
`);

// One page of a topic's posts, newest first, how many there are, and the topic's description as
// the newest post that describes it gives it (a count of matching items, which the lake compiles,
// rather than a per-post subquery).
const recommendsTopic = /* groq */ `$title in recommendedTopics[].title`;
const describesTopic = /* groq */ `recommendedTopics[title == $title && defined(description) && description != ""]`;

export const postsForTopicQuery = defineQuery(`{
  "posts": *[${listedPost} && ${recommendsTopic}] | order(publishedAt desc, _id asc) [$start...$end] ${postCard},
  "total": count(*[${listedPost} && ${recommendsTopic}]),
  "description": *[${listedPost} && count(${describesTopic}) > 0]
    | order(publishedAt desc, _id asc) [0].${describesTopic}[0].description
}`);

// The feeds carry each post's whole body and its corrections; ticker links resolve to their
// symbols. One item shape for every feed (lib/feed/feed-items.ts); each feed lists the posts
// its page lists, newest first, [0...$limit].
const feedPostFields = /* groq */ `
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    _updatedAt,
    summary,
    "author": author->{ _id, _type, name },
    "tickers": tickers[defined(ticker)].ticker->${tickerChip},
    corrections[]{ _key, kind, at, text },
    body[]{
      ...,
      _type == "block" => {
        markDefs[]{
          ...,
          _type == "tickerRef" => { "ticker": ticker->${tickerChip} }
        }
      }
    }`;

const feedOrder = /* groq */ `order(publishedAt desc, _id asc) [0...$limit]`;

export const feedPostsQuery = defineQuery(`
  *[${listedPost}] | ${feedOrder}{${feedPostFields}
  }
`);

// A ticker's feed leads each item with the post's note on that ticker and the author's position.
export const tickerFeedPostsQuery = defineQuery(`
  *[${listedPost} && ${linksTicker}] | ${feedOrder}{${feedPostFields},${tickerMention}
  }
`);

export const topicFeedPostsQuery = defineQuery(`
  *[${listedPost} && ${recommendsTopic}] | ${feedOrder}{${feedPostFields}
  }
`);

export const authorFeedPostsQuery = defineQuery(`
  *[${listedPost} && ${byAuthor}] | ${feedOrder}{${feedPostFields}
  }
`);

// --- A reader's watchlist ------------------------------------------------------------------

// The latest posts that link any of the reader's tickers, each with its notes on those tickers.
// The ids come from the cached ticker list (lib/sanity/tickers.ts), so only the index-backed
// `references()` filter and one exact condition run per query.
export const postsForTickersQuery = defineQuery(`
  *[${listedPost} && references($tickerIds) && count(tickers[ticker._ref in $tickerIds]) > 0]
    | order(publishedAt desc, _id asc) [0...$limit]{
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    summary,
    "notes": tickers[ticker._ref in $tickerIds]{ _key, note, "ticker": ticker->${tickerChip} }
  }
`);

// --- Scheduled posts going live (lib/sanity/go-live.ts) -------------------------------------

// The posts whose time came in ($since, now()], each as the publish webhook describes a post
// (webhook-contract.ts), the next time one is due, and the lake's own now() to ask from next.
export const goLiveQuery = defineQuery(`{
  "now": now(),
  "live": *[${listedPost} && publishedAt > $since]{
    _id, _type, "slug": slug.current, "tickerIds": tickers[].ticker._ref, publishedAt
  },
  "next": *[${linkablePost} && publishedAt > now()] | order(publishedAt asc) [0].publishedAt
}`);

// What an email alert says about a post (lib/email/announce.ts): read straight from the API by
// the worker when the post becomes visible, and kept with its announcement.
export const alertPostQuery = defineQuery(`*[${listedPost} && _id == $id][0]{
  _id,
  title,
  "slug": slug.current,
  publishedAt,
  summary,
  "authorName": author->name,
  "tickers": tickers[defined(ticker)]{ "symbol": ticker->symbol, note, position }
}`);
