import type { Metadata } from "next";
import { listAuthorSlugs } from "@/lib/sanity/authors";
import { AuthorPage, authorPageMetadata } from "./_components/author-page";

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

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorPageMetadata((await params).slug, 1);
}

export default async function AuthorFirstPage({ params }: Props) {
  return <AuthorPage slug={(await params).slug} page={1} />;
}
