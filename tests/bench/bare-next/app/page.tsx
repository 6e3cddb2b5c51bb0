import { PageText, TYPOGRAPHIC_PARAGRAPH } from "./page-text";

// A baseline of the benchmarks (the requests-per-second budget uses the same page on the
// article's dynamic route, insights/[slug]): one static page of plain paragraphs, built with the site's own next
// and react, with the typography of real text (dashes, curly quotes) as the article has. Next
// serves a cached page as a JavaScript string and UTF-8 encodes it on every request; one
// character outside Latin-1 makes V8 keep the whole page as a two-byte string, which costs Node
// about twice as much to write as an all-ASCII one (the /ascii page beside it shows how much).
export default function BarePage() {
  return <PageText title="Bare Next page — with typography" paragraph={TYPOGRAPHIC_PARAGRAPH} />;
}
