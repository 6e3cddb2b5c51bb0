export function ArticleSkeleton() {
  return (
    <div className="article" role="status" aria-label="Loading insight">
      <div aria-hidden="true">
        <div className="skeleton skeleton--line article-skeleton__eyebrow" />
        <div className="skeleton article-skeleton__title" />
        <div className="skeleton skeleton--line article-skeleton__meta" />
        <div className="skeleton article-skeleton__block" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--line" />
      </div>
    </div>
  );
}
