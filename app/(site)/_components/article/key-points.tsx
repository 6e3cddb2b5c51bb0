export function KeyPoints({
  points,
}: {
  points: ReadonlyArray<{ key: string; label: string; text: string }>;
}) {
  if (points.length === 0) return null;
  return (
    <section className="key-points" aria-labelledby="key-points-title">
      <h2 id="key-points-title" className="key-points__title">
        Key points
      </h2>
      <ul className="key-points__list">
        {points.map((point) => (
          <li key={point.key}>
            {point.label ? <strong>{point.label}:</strong> : null} {point.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
