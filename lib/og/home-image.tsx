import "server-only";
import { listLatestPosts } from "@/lib/sanity/posts";
import { toHomeCardData } from "./card-data";
import { HOME_CARD_ALT } from "./metadata";
import { HomeCard } from "./home-card";
import { renderCard } from "./render";
import { CARD_CONTENT_TYPE, CARD_SIZE } from "./theme";

// app/opengraph-image.tsx and twitter-image.tsx re-export this module: the site's card, and
// the card of every page that names none of its own.

export const size = CARD_SIZE;
export const contentType = CARD_CONTENT_TYPE;
export const alt = HOME_CARD_ALT;

export default async function HomeImage() {
  // The home page's own read (same query and page), so both share one cache entry.
  const { posts } = await listLatestPosts();
  return renderCard(<HomeCard {...toHomeCardData(posts[0])} />);
}
