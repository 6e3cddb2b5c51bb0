import { PageText } from "./page-text";

// The benchmarks' baseline: one static page of plain paragraphs, built with the site's own next
// and react, with the typography of real text (dashes, curly quotes) as the article has. Next
// serves a cached page as a JavaScript string and UTF-8 encodes it on every request; one
// character outside Latin-1 makes V8 keep the whole page as a two-byte string, which costs Node
// about twice as much to write as an all-ASCII one (the /ascii page beside it shows how much).
export default function BarePage() {
  return (
    <PageText
      title="Bare Next page — with typography"
      paragraph={
        "Small caps lagged large caps again while valuations diverged: the Russell 2000 trades " +
        "near 22x–26x forward earnings against the index’s long-run range. "
      }
    />
  );
}
