import Link from "next/link";
import { FormattedDate } from "@/components/formatted-date";
import { postPath, tickerPath } from "@/lib/routes";
import type { WatchlistFeedPost } from "@/lib/sanity/watchlist-feed";

/** "Your feed": the latest posts on the reader's tickers, each with its notes on them. */
export function WatchlistFeed({
  posts,
  watching,
}: {
  posts: WatchlistFeedPost[];
  watching: number;
}) {
  return (
    <section className="watchlist-feed" aria-labelledby="feed-title">
      <h2 id="feed-title">Your feed</h2>
      {watching === 0 ? (
        <p className="empty-state">
          Watch a ticker (the ☆ on any ticker page) to see what we publish about it here.
        </p>
      ) : posts.length === 0 ? (
        <p className="empty-state">Nothing published on your tickers yet.</p>
      ) : (
        <ol className="post-list">
          {posts.map((post) => (
            <li key={post.id}>
              <article className="post-card">
                <h3 className="post-card__title">
                  <Link href={postPath(post.slug)}>{post.title}</Link>
                </h3>
                <p className="post-card__meta">
                  <FormattedDate value={post.publishedAt} />
                </p>
                <dl className="watchlist-feed__notes">
                  {post.notes.map((note) => (
                    <div key={note.key}>
                      <dt>
                        <Link className="ticker-chip" href={tickerPath(note.symbol)}>
                          {note.symbol}
                        </Link>
                      </dt>
                      <dd>{note.note}</dd>
                    </div>
                  ))}
                </dl>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
