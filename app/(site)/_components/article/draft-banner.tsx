import "./draft-banner.css";

/** Shown only in draft mode: says the page holds unpublished changes and offers the way out. */
export function DraftBanner({ path }: { path: string }) {
  return (
    <aside className="draft-banner" aria-label="Draft preview">
      <p>
        <strong>Draft</strong> — you are previewing unpublished changes. Readers see the published
        version.
      </p>
      {/* A plain link: a prefetch of this route would leave draft mode by itself. */}
      <a href={`/api/draft-mode/disable?redirect=${encodeURIComponent(path)}`}>
        Leave draft preview
      </a>
    </aside>
  );
}
