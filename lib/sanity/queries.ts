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

// Posts without a slug cannot be linked to, so no list shows them.
const listedPost = /* groq */ `_type == "post" && defined(slug.current)`;

export const latestPostsQuery = defineQuery(`
  *[${listedPost}] | order(publishedAt desc, _id asc) [$start...$end] ${postCard}
`);

export const postCountQuery = defineQuery(`count(*[${listedPost}])`);

export const postBySlugQuery = defineQuery(`
  *[_type == "post" && slug.current == $slug][0]{
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
      "ticker": ticker->{ _id, _type, symbol, name, kind, exchange, description }
    },
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
  }
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

export const postsForTickerQuery = defineQuery(`
  *[${listedPost} && references($tickerId) && $tickerId in tickers[].ticker._ref] | order(publishedAt desc, _id asc){
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    summary,
    "note": tickers[ticker._ref == $tickerId][0].note
  }
`);

export const allPostSlugsQuery = defineQuery(`
  *[${listedPost}] | order(publishedAt desc){ "slug": slug.current, publishedAt, _updatedAt }
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
  *[_type == "author" && slug.current == $slug][0]{ _id, _type, name, "slug": slug.current, role }
`);

export const postsByAuthorQuery = defineQuery(`
  *[${listedPost} && author._ref == $authorId] | order(publishedAt desc, _id asc) ${postCard}
`);

export const allAuthorSlugsQuery = defineQuery(`
  *[_type == "author" && defined(slug.current)] | order(name asc){ "slug": slug.current, name, _updatedAt }
`);

// Recommended topics are inline objects, not documents: a topic is its title, and its page
// lists the posts that recommend a topic with that title.
export const allTopicTitlesQuery = defineQuery(`
  array::unique(*[${listedPost}] | order(publishedAt desc).recommendedTopics[defined(title)].title)
`);

export const postsForTopicQuery = defineQuery(`
  *[${listedPost} && $title in recommendedTopics[].title] | order(publishedAt desc, _id asc){
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    summary,
    "tickers": tickers[defined(ticker)].ticker->${tickerChip},
    "topicDescription": recommendedTopics[title == $title][0].description
  }
`);

// The feed carries each post's whole body; ticker links resolve to their symbols.
export const feedPostsQuery = defineQuery(`
  *[${listedPost}] | order(publishedAt desc, _id asc) [0...$limit]{
    _id,
    _type,
    title,
    "slug": slug.current,
    publishedAt,
    _updatedAt,
    summary,
    "author": author->{ _id, _type, name },
    "tickers": tickers[defined(ticker)].ticker->${tickerChip},
    body[]{
      ...,
      _type == "block" => {
        markDefs[]{
          ...,
          _type == "tickerRef" => { "ticker": ticker->${tickerChip} }
        }
      }
    }
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
