export function RecommendedTopics({
  topics,
}: {
  topics: ReadonlyArray<{ key: string; title: string; description: string }>;
}) {
  if (topics.length === 0) return null;
  return (
    <section className="recommended-topics" aria-labelledby="recommended-topics-title">
      <h2 id="recommended-topics-title">Recommended topics for further exploration</h2>
      <ul>
        {topics.map((topic) => (
          <li key={topic.key}>
            <strong>{topic.title}</strong>
            {topic.description ? `: ${topic.description}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
