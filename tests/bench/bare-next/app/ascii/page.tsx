import { PageText } from "../page-text";

// A diagnostic beside the baseline: the same page in plain ASCII (no dashes or curly quotes),
// which V8 keeps as a one-byte string that Node writes out without re-encoding. No real article
// is written like this; the ratio to it shows what typography alone costs Next's cached pages.
export default function AsciiPage() {
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
