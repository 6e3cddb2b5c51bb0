import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./instance";
import { accountPath, signInReturningTo } from "@/lib/routes";

/** The signed-in reader, as pages and server actions need them. */
export interface Reader {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in reader, or null. It reads the session cookie: call it inside <Suspense>, or in
 * a page that renders per request (the (account) group sets `instant = false`).
 */
export const getReader = cache(async (): Promise<Reader | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});

/**
 * The signed-in reader, or a redirect to /signin that comes back to `returnTo` (a path on this
 * site) afterwards. For pages and server actions that only make sense signed in.
 */
export async function requireReader(returnTo: string = accountPath): Promise<Reader> {
  const reader = await getReader();
  if (reader) return reader;
  redirect(signInReturningTo(returnTo));
}
