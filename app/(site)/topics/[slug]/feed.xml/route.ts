import { unstable_rethrow } from "next/navigation";
import { errorResponse } from "@/lib/errors";
import { buildTopicFeed, rssResponse } from "@/lib/feed/feeds";

// A recommended topic's RSS feed: the posts its page lists.
export async function GET(
  _request: Request,
  { params }: RouteContext<"/topics/[slug]/feed.xml">,
): Promise<Response> {
  try {
    return rssResponse(await buildTopicFeed((await params).slug));
  } catch (error) {
    unstable_rethrow(error);
    return errorResponse(error);
  }
}
