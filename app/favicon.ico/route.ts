import { env } from "@/lib/env";

// Browsers ask for /favicon.ico whatever a page's <link rel="icon"> says (for example on the page
// a form post answers without JavaScript), and crawlers always do: send them to the site's icon
// (app/icon.svg) instead of a 404.
export function GET(): Response {
  return Response.redirect(new URL("/icon.svg", env.SITE_URL), 308);
}
