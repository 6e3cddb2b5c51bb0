import { absoluteUrl } from "@/lib/site/absolute-url";

// Browsers ask for /favicon.ico whatever a page's <link rel="icon"> says (for example on the page
// a form post answers without JavaScript), and crawlers always do: send them to the site's icon
// (app/icon.svg) instead of a 404.
export function GET(): Response {
  return Response.redirect(absoluteUrl("/icon.svg"), 308);
}
