import { unstable_rethrow } from "next/navigation";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/errors";
import { toRssItems } from "@/lib/feed/feed-items";
import { buildRssFeed } from "@/lib/feed/rss";
import { feedPath, homePath } from "@/lib/routes";
import { listFeedPosts } from "@/lib/sanity/feed";
import { absoluteUrl } from "@/lib/site/absolute-url";

// RSS 2.0 with each post's full body. Content comes through lib/sanity's cached reads, so the
// feed is revalidated by the same webhook tags as the pages.
export async function GET(): Promise<Response> {
  try {
    const rows = await listFeedPosts();
    const xml = buildRssFeed({
      title: "Daily Insight",
      description: "Daily market commentary: what moved, why, and the tickers behind it.",
      siteUrl: absoluteUrl(homePath),
      feedUrl: absoluteUrl(feedPath),
      items: toRssItems(rows, env.SITE_URL),
    });
    return new Response(xml, {
      headers: { "Content-Type": "application/rss+xml; charset=utf-8" },
    });
  } catch (error) {
    // Next's own control flow (prerendering without the Content Lake) must pass through.
    unstable_rethrow(error);
    return errorResponse(error);
  }
}
