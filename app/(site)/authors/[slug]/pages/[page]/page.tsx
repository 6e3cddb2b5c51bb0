import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { laterPageFrom } from "@/lib/site/pagination";
import { AuthorPage, authorPageMetadata } from "../../_components/author-page";

// `/authors/[slug]?page=N` for N ≥ 2 (and any malformed `page`), rewritten here by proxy.ts, as
// `/?page=N` is to latest/[page] (see there why a route of its own). Rendered on first request
// and cached like its reads; the placeholder keeps the list non-empty (Cache Components) and is
// a 404.

type Props = PageProps<"/authors/[slug]/pages/[page]">;

export function generateStaticParams(): Array<Awaited<Props["params"]>> {
  return [{ slug: "-", page: "-" }];
}

async function pageOf(params: Props["params"]) {
  const { slug, page } = await params;
  return { slug, page: laterPageFrom(page) ?? notFound() };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await pageOf(params);
  return authorPageMetadata(slug, page);
}

export default async function AuthorLaterPage({ params }: Props) {
  const { slug, page } = await pageOf(params);
  return <AuthorPage slug={slug} page={page} />;
}
