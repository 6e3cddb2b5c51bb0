import { draftMode } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

/** Leaves draft mode and returns to the page the editor was on (on this site only). */
export async function GET(request: NextRequest): Promise<Response> {
  (await draftMode()).disable();
  // Absolute URLs come from SITE_URL: behind a proxy the request's own Host is the proxy's view.
  const site = new URL(env.SITE_URL);
  let back = new URL("/", site);
  try {
    const wanted = new URL(request.nextUrl.searchParams.get("redirect") ?? "/", site);
    if (wanted.origin === site.origin) back = wanted;
  } catch {
    // Not a URL: go home.
  }
  return NextResponse.redirect(back, 303);
}
