import { draftMode } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";

/** Leaves draft mode and returns to the page the editor was on (on this site only). */
export async function GET(request: NextRequest): Promise<Response> {
  (await draftMode()).disable();
  const origin = request.nextUrl.origin;
  let back = new URL("/", origin);
  try {
    const wanted = new URL(request.nextUrl.searchParams.get("redirect") ?? "/", origin);
    if (wanted.origin === origin) back = wanted;
  } catch {
    // Not a URL: go home.
  }
  return NextResponse.redirect(back, 303);
}
