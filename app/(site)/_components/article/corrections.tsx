import type { ShownCorrection } from "@/lib/content/corrections";

// The post's corrections, updates and clarifications, newest first, at the top of the article
// (the Trust Project's corrections indicator): what changed and when, in the reader's view before
// the text it changed.

const timeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "America/New_York",
});

export function Corrections({ corrections }: { corrections: readonly ShownCorrection[] }) {
  if (corrections.length === 0) return null;
  const only = corrections.length === 1 ? corrections[0] : undefined;
  return (
    <section className="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title" className="article-section-label">
        {only ? only.title : "Corrections and updates"}
      </h2>
      <ol className="corrections__list">
        {corrections.map((item) => (
          <li key={item.key} className="corrections__item" data-kind={item.kind}>
            <p className="corrections__meta">
              <span className="corrections__kind">{item.title}</span>{" "}
              <time dateTime={item.at}>{timeFormat.format(new Date(item.at))} ET</time>
            </p>
            <p className="corrections__text">{item.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
