// Absolute URLs for machines (feed, sitemap, robots), from the validated SITE_URL.
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).toString();
}
