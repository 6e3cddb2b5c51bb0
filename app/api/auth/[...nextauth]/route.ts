import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { withReadableCallbackUrl } from "@/lib/auth/auth-request";

// Auth.js's endpoints: sign-in and callbacks, the magic-link POST, sign-out, session, CSRF. A
// callbackUrl it cannot parse is replaced first (lib/auth/auth-request.ts): Auth.js answers 500.
export const GET = (request: NextRequest) => handlers.GET(withReadableCallbackUrl(request));
export const POST = (request: NextRequest) => handlers.POST(withReadableCallbackUrl(request));
