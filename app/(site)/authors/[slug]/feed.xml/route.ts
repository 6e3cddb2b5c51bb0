import { buildAuthorFeed, feedResponse } from "@/lib/feed/feeds";

// An author's RSS feed: the posts their page lists.
export async function GET(
  _request: Request,
  { params }: RouteContext<"/authors/[slug]/feed.xml">,
): Promise<Response> {
  return feedResponse(async () => buildAuthorFeed((await params).slug));
}
