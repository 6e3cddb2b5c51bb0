// The bare pages' body: plain paragraphs sized by BARE_PAGE_HTML_BYTES (set by the bench at build
// time) so that the HTML is about the article's size. Each paragraph appears twice in the HTML, as
// markup and in the inline RSC payload (~2 × its text + 50 bytes), beside ~3 KB of Next's own.
const htmlBytes = Number(process.env.BARE_PAGE_HTML_BYTES ?? 60_000);

/** Real text's typography (dashes, curly quotes), as the article has. */
export const TYPOGRAPHIC_PARAGRAPH =
  "Small caps lagged large caps again while valuations diverged: the Russell 2000 trades " +
  "near 22x–26x forward earnings against the index’s long-run range. ";

export function PageText({ title, paragraph }: { title: string; paragraph: string }) {
  const count = Math.max(1, Math.round((htmlBytes - 3_000) / (2 * paragraph.length + 50)));
  return (
    <main>
      <h1>{title}</h1>
      {Array.from({ length: count }, (_, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </main>
  );
}
