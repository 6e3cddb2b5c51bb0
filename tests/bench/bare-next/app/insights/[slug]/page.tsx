import { PageText, TYPOGRAPHIC_PARAGRAPH } from "../../page-text";

// The requests-per-second baseline: the typographic page on the article's own route shape, a
// dynamic segment prerendered through generateStaticParams. Next matches such a URL against
// its dynamic routes and fills in the params on every request, which costs a cached page about
// 7% of the throughput of a static route (/ beside it); that cost is Next's, not the site's.
export function generateStaticParams() {
  return [{ slug: "bare-page" }];
}

export default async function BareArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  await params;
  return <PageText title="Bare Next page — with typography" paragraph={TYPOGRAPHIC_PARAGRAPH} />;
}
