// RSS 2.0 (https://www.rssboard.org/rss-specification) with the full post in content:encoded
// (http://purl.org/rss/1.0/modules/content/) and a self link (the RSS Advisory Board's
// recommendation, via Atom). Pure: the route handler supplies the posts and the site's URL.

export interface RssItem {
  title: string;
  url: string;
  publishedAt: string | null;
  summary: string;
  html: string;
  author: string | null;
  categories: readonly string[];
}

export interface RssChannel {
  title: string;
  description: string;
  siteUrl: string;
  feedUrl: string;
  items: readonly RssItem[];
}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

// Characters XML 1.0 forbids anywhere, even escaped (most C0 controls, lone surrogates, U+FFFE/F).
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** A CDATA section holding any text: `]]>` cannot appear inside one, so it is split across two. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(INVALID_XML_CHARS, "").replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function rfc822(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toUTCString();
}

function itemXml(item: RssItem): string {
  const pubDate = rfc822(item.publishedAt);
  return [
    "    <item>",
    `      <title>${escapeXml(item.title)}</title>`,
    `      <link>${escapeXml(item.url)}</link>`,
    `      <guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
    pubDate ? `      <pubDate>${pubDate}</pubDate>` : null,
    item.author ? `      <dc:creator>${escapeXml(item.author)}</dc:creator>` : null,
    ...item.categories.map((category) => `      <category>${escapeXml(category)}</category>`),
    `      <description>${escapeXml(item.summary)}</description>`,
    `      <content:encoded>${cdata(item.html)}</content:encoded>`,
    "    </item>",
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
}

export function buildRssFeed(channel: RssChannel): string {
  // The newest item's date, not the clock: the same content gives the same bytes.
  const lastBuildDate = rfc822(channel.items[0]?.publishedAt ?? null);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "  <channel>",
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.siteUrl)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    "    <language>en</language>",
    `    <atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    lastBuildDate ? `    <lastBuildDate>${lastBuildDate}</lastBuildDate>` : null,
    ...channel.items.map(itemXml),
    "  </channel>",
    "</rss>",
    "",
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
}
