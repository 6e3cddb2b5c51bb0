import type { Metadata } from "next";
import Link from "next/link";
import { FeedLink } from "@/components/feed-link";
import { PostCard } from "@/components/post-card";
import { StatusMessage } from "@/components/status-message";
import {
  getAuthorBySlugOrNotFound,
  listAuthorSlugs,
  listPostsByAuthor,
} from "@/lib/sanity/authors";
import { authorFeedTitle } from "@/lib/feed/channels";
import { authorFeedPath, authorPath, disclosuresPath } from "@/lib/routes";
import { pageAlternates } from "@/lib/site/metadata";

type Props = PageProps<"/authors/[slug]">;

// See tickers/[symbol]: never empty, and the placeholder renders the 404 without reading content.
export async function generateStaticParams(): Promise<Array<Awaited<Props["params"]>>> {
  try {
    const authors = await listAuthorSlugs();
    if (authors.length > 0) return authors.map(({ slug }) => ({ slug }));
  } catch {
    // Reported by sanityFetch; the pages render at request time instead.
  }
  return [{ slug: "-" }];
}

async function authorFrom(params: Props["params"]) {
  return getAuthorBySlugOrNotFound((await params).slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await authorFrom(params);
  return {
    title: author.name,
    description: `Daily Insight commentary by ${author.name}${author.role ? `, ${author.role}` : ""}.`,
    alternates: pageAlternates(authorPath(author.slug), {
      url: authorFeedPath(author.slug),
      title: authorFeedTitle(author.name),
    }),
  };
}

export default async function AuthorPage({ params }: Props) {
  const author = await authorFrom(params);
  const posts = await listPostsByAuthor(author.id);
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
        <ol className="post-list" aria-label={`Insights by ${author.name}`}>
          {posts.map((post) => (
            <li key={post.id}>
              <PostCard {...post} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
