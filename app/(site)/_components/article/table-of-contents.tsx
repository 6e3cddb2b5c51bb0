import type { Heading } from "@/components/portable-text/headings";

type Entry = Heading & { children: Heading[] };

/** Top-level sections, each with its subsections (h3/h4 under the h2 before them). */
function nest(headings: readonly Heading[]): Entry[] {
  const entries: Entry[] = [];
  for (const heading of headings) {
    const parent = entries[entries.length - 1];
    if (heading.level > 2 && parent) parent.children.push(heading);
    else entries.push({ ...heading, children: [] });
  }
  return entries;
}

export function TableOfContents({ headings }: { headings: readonly Heading[] }) {
  if (headings.length < 2) return null;
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="article-section-label">
        In this insight
      </h2>
      <ol className="toc__list">
        {nest(headings).map((entry) => (
          <li key={entry.key}>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {entry.children.length > 0 ? (
              <ol className="toc__list toc__list--nested">
                {entry.children.map((child) => (
                  <li key={child.key}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
