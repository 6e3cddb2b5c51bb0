import Link from "next/link";
import { postPath } from "@/lib/routes";
import { FormattedDate } from "./formatted-date";
import { TickerChip } from "./ticker-chip";

export interface PostCardProps {
  slug: string;
  title: string;
  publishedAt: string | null;
  summary: string;
  tickers: ReadonlyArray<{ id: string; symbol: string; name: string }>;
  /** The lead story: larger, with a label. */
  featured?: boolean;
}

export function PostCard({ slug, title, publishedAt, summary, tickers, featured }: PostCardProps) {
  return (
    <article className={featured ? "post-card post-card--featured" : "post-card"}>
      {featured ? <p className="post-card__kicker">Latest insight</p> : null}
      <h2 className="post-card__title">
        <Link href={postPath(slug)}>{title}</Link>
      </h2>
      <p className="post-card__meta">
        <FormattedDate value={publishedAt} />
      </p>
      {summary ? <p className="post-card__summary">{summary}</p> : null}
      {tickers.length > 0 ? (
        <ul className="ticker-list" aria-label="Tickers">
          {tickers.map((ticker) => (
            <li key={ticker.id}>
              <TickerChip symbol={ticker.symbol} name={ticker.name} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
