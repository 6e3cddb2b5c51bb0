import { connection } from "next/server";
import { getReader } from "@/lib/auth";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/errors";
import { listWatchedSymbols } from "@/lib/watchlists/watched-symbols";

// The reader's watched symbols for the stars on cached pages (components/watchlist). Private
// to the reader: never stored by a shared cache.
const PRIVATE = { "cache-control": "private, no-store" };

export async function GET(): Promise<Response> {
  // Per request, never prerendered: the answer depends on the session cookie.
  await connection();
  try {
    const reader = await getReader();
    if (!reader) return Response.json({ signedIn: false, symbols: [] }, { headers: PRIVATE });
    const symbols = await listWatchedSymbols(await getDb(), reader.id);
    return Response.json({ signedIn: true, symbols }, { headers: PRIVATE });
  } catch (error) {
    return errorResponse(error);
  }
}
