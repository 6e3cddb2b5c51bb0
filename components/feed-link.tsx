/**
 * A page's RSS feed, visibly (its metadata names it for feed readers too). A plain <a>: the feed
 * is XML for a reader app, not a page for the client router to fetch.
 */
export function FeedLink({ href, subject }: { href: string; subject: string }) {
  return (
    <p className="feed-link">
      <a href={href} type="application/rss+xml">
        RSS feed<span className="visually-hidden"> of {subject}</span>
      </a>
    </p>
  );
}
