import { unstable_rethrow } from "next/navigation";
import { errorResponse } from "@/lib/errors";
import { buildAuthorFeed, rssResponse } from "@/lib/feed/feeds";

// An author's RSS feed: the posts their page lists.
export async function GET(
  _request: Request,
  { params }: RouteContext<"/authors/[slug]/feed.xml">,
): Promise<Response> {
  try {
    return rssResponse(await buildAuthorFeed((await params).slug));
  } catch (error) {
    unstable_rethrow(error);
    return errorResponse(error);
  }
}
