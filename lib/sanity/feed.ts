import "server-only";
import { sanityFetch } from "./fetch";
import { feedPostsQuery } from "./queries";
import { tags } from "./tags";

export const FEED_SIZE = 20;

/** The newest posts with their whole bodies, for /feed.xml. */
export async function listFeedPosts(limit = FEED_SIZE) {
  return sanityFetch({ query: feedPostsQuery, params: { limit }, tags: [tags.posts] });
}
