import { buildTopicFeed, feedResponse } from "@/lib/feed/feeds";

// A recommended topic's RSS feed: the posts its page lists.
export async function GET(
  _request: Request,
  { params }: RouteContext<"/topics/[slug]/feed.xml">,
): Promise<Response> {
  return feedResponse(async () => buildTopicFeed((await params).slug));
}
