import "server-only";
import { sanityFetch } from "./fetch";
import {
  authorFeedPostsQuery,
  feedPostsQuery,
  tickerFeedPostsQuery,
  topicFeedPostsQuery,
} from "./queries";
import { tags } from "./tags";

// The feeds' reads, each tagged exactly as the page it is the feed of (tickers.ts, topics.ts,
// authors.ts), so the webhook that revalidates a page revalidates its feed with it.

export const FEED_SIZE = 20;

/** The newest posts with their whole bodies, for /feed.xml. */
export async function listFeedPosts(limit = FEED_SIZE) {
  return sanityFetch({ query: feedPostsQuery, params: { limit }, tags: [tags.posts] });
}

/** A ticker's newest posts, each with its note on the ticker and the author's position. */
export async function listTickerFeedPosts(tickerId: string, limit = FEED_SIZE) {
  return sanityFetch({
    query: tickerFeedPostsQuery,
    params: { tickerId, limit },
    tags: [tags.ticker(tickerId)],
  });
}

/** The newest posts that recommend the topic with this title. */
export async function listTopicFeedPosts(title: string, limit = FEED_SIZE) {
  return sanityFetch({
    query: topicFeedPostsQuery,
    params: { title, limit },
    tags: [tags.posts],
  });
}

/** An author's newest posts. */
export async function listAuthorFeedPosts(authorId: string, limit = FEED_SIZE) {
  return sanityFetch({
    query: authorFeedPostsQuery,
    params: { authorId, limit },
    tags: [tags.posts, tags.author(authorId)],
  });
}
