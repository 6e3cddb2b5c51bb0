import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedLink } from "@/components/feed-link";
import { Pagination } from "@/components/pagination";
import { PostCard } from "@/components/post-card";
import { StatusMessage } from "@/components/status-message";
import { getAuthorBySlugOrNotFound, listPostsByAuthor } from "@/lib/sanity/authors";
import { authorFeedTitle } from "@/lib/feed/channels";
import { authorFeedPath, authorPath, disclosuresPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";
import { pageHref, pageLinks } from "@/lib/site/pagination";

// An author's page, a page of their posts at a time: page 1 at /authors/[slug], page N at
// /authors/[slug]?page=N (proxy.ts rewrites it to pages/[page]).

export async function authorPageMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await getAuthorBySlugOrNotFound(slug);
  return {
    title: page > 1 ? `${author.name}, page ${page}` : author.name,
    description: `Daily Insight commentary by ${author.name}${author.role ? `, ${author.role}` : ""}.`,
    alternates: pageAlternates(pageHref(authorPath(author.slug), page), {
      url: authorFeedPath(author.slug),
      title: authorFeedTitle(author.name),
    }),
  };
}

export async function AuthorPage({ slug, page }: { slug: string; page: number }) {
  const author = await getAuthorBySlugOrNotFound(slug);
  const { posts, pageCount } = await listPostsByAuthor(author.id, { page });
  if (page > pageCount) notFound();
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{author.name}</h1>
        {author.role ? <p className="page-intro">{author.role}</p> : null}
        {author.bio ? <p className="author-bio">{author.bio}</p> : null}
        <FeedLink href={authorFeedPath(author.slug)} subject={author.name} />
      </header>
      <section className="author-disclosure" aria-labelledby="author-disclosure-title">
        <h2 id="author-disclosure-title" className="author-disclosure__title">
          Disclosure
        </h2>
        <p>
          {author.disclosure ??
            `${author.name} states a position in every ticker each insight discusses, beside it.`}{" "}
          <Link href={disclosuresPath}>Our disclosure policy</Link>
        </p>
      </section>
      {posts.length === 0 ? (
        <StatusMessage title="No insights yet">
          <p>{author.name} has not published an insight yet.</p>
        </StatusMessage>
      ) : (
        <ol
          className="post-list"
          aria-label={
            page > 1 ? `Insights by ${author.name}, page ${page}` : `Insights by ${author.name}`
          }
        >
          {posts.map((post) => (
            <li key={post.id}>
              <PostCard {...post} />
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        links={pageLinks(authorPath(author.slug), page, pageCount)}
      />
    </>
  );
}
