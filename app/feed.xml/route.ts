import { unstable_rethrow } from "next/navigation";
import { errorResponse } from "@/lib/errors";
import { buildSiteFeed, rssResponse } from "@/lib/feed/feeds";

// RSS 2.0 with each post's full body. Content comes through lib/sanity's cached reads, so the
// feed is revalidated by the same webhook tags as the pages.
export async function GET(): Promise<Response> {
  try {
    return rssResponse(await buildSiteFeed());
  } catch (error) {
    // Next's own control flow (prerendering without the Content Lake) must pass through.
    unstable_rethrow(error);
    return errorResponse(error);
  }
}
