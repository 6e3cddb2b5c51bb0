import { buildSiteFeed, feedResponse } from "@/lib/feed/feeds";

// RSS 2.0 with each post's full body. Content comes through lib/sanity's cached reads, so the
// feed is revalidated by the same webhook tags as the pages.
export async function GET(): Promise<Response> {
  return feedResponse(buildSiteFeed);
}
