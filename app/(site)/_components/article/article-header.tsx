import Link from "next/link";
import { FormattedDate } from "@/components/formatted-date";
import { authorPath } from "@/lib/routes";

export function ArticleHeader({
  title,
  publishedAt,
  author,
  readingMinutes,
}: {
  title: string;
  publishedAt: string | null;
  author: { name: string; slug: string | null; role: string | null } | null;
  readingMinutes: number;
}) {
  return (
    <header className="article-header">
      <p className="article-header__series">Daily Insight</p>
      <h1 className="article-header__title">{title}</h1>
      <p className="article-header__meta">
        <FormattedDate value={publishedAt} />
        {author ? (
          <span>
            By{" "}
            {author.slug ? (
              <Link className="article-header__author" href={authorPath(author.slug)}>
                {author.name}
              </Link>
            ) : (
              <span className="article-header__author">{author.name}</span>
            )}
            {author.role ? `, ${author.role}` : null}
          </span>
        ) : null}
        <span>{readingMinutes} min read</span>
      </p>
    </header>
  );
}
