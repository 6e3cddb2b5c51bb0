import { PageText } from "../page-text";

// The same page with the typography of real text (dashes, curly quotes), as the article has: a
// diagnostic beside the baseline, since Next serves a cached page as a JavaScript string and
// hashes and encodes it on every request, which V8 does much faster for an all-ASCII string.
export default function TypographicPage() {
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
