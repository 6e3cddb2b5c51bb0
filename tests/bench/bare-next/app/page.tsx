import { PageText } from "./page-text";

// The benchmarks' baseline: one static page of plain ASCII paragraphs, built with the site's own
// next and react.
export default function BarePage() {
  return (
    <PageText
      title="Bare Next page"
      paragraph={
        "Small caps lagged large caps again while valuations diverged: the Russell 2000 trades " +
        "near 22x-26x forward earnings against the index's long-run range. "
      }
    />
  );
}
