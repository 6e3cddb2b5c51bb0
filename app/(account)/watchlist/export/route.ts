import { getReader } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { watchlistCsv } from "@/lib/watchlists/csv-export";
import { signInReturningTo, watchlistPath } from "@/lib/routes";
import { absoluteUrl } from "@/lib/site/absolute-url";

// One of the reader's lists as a CSV download. Another reader's list id answers 404, exactly
// as an id that does not exist.
export async function GET(request: Request): Promise<Response> {
  const reader = await getReader();
  if (!reader) {
    return Response.redirect(absoluteUrl(signInReturningTo(watchlistPath)), 303);
  }
  const listId = new URL(request.url).searchParams.get("list") ?? "";
  try {
    const { filename, csv } = await watchlistCsv(await getDb(), reader.id, listId);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
