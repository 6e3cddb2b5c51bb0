import "server-only";
import { env } from "@/lib/env";
import { absoluteUrlFor } from "@/lib/routes";

/**
 * The absolute URL of a site path (lib/routes.ts), from the validated SITE_URL: for machines
 * (canonical links, cards, JSON-LD, robots, redirects), which must never name the Host a request
 * came in on.
 */
export function absoluteUrl(path: string): string {
  return absoluteUrlFor(path, env.SITE_URL);
}
