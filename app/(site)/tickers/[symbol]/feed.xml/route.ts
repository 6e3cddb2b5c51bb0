import { AppError } from "@/lib/errors";
import { buildTickerFeed, feedResponse } from "@/lib/feed/feeds";
import { tickerFeedPath } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site/absolute-url";
import { resolveSymbolSegment } from "@/lib/site/symbol-route";

// A ticker's RSS feed, each item led by the post's note on the ticker. proxy.ts matches the
// ticker page only (/tickers/:symbol), so other spellings of the symbol are redirected here,
// by the page's own rule, to the one canonical feed URL.
export async function GET(
  _request: Request,
  { params }: RouteContext<"/tickers/[symbol]/feed.xml">,
): Promise<Response> {
  return feedResponse(async () => {
    const route = resolveSymbolSegment((await params).symbol);
    if (route.kind === "not-found") throw new AppError("not_found", "No such ticker.");
    if (route.kind === "redirect") {
      return Response.redirect(absoluteUrl(tickerFeedPath(route.symbol)), 308);
    }
    return buildTickerFeed(route.symbol);
  });
}
