import fc from "fast-check";

// Datasets shaped like Daily Insight's content (sanity/schemaTypes in the app, copied in shape,
// not imported): tickers, authors, topics and posts whose `tickers[]` mentions reference tickers,
// with drafts and release versions, weak references to missing documents, references nested in
// references, ties in the fields lists are ordered by, and fields missing or of another type.

export type Doc = Record<string, unknown> & { _id: string; _type: string };

/** Words for titles, bodies and symbols, with the characters groq-js's tokeniser splits on or keeps. */
export const WORDS = [
  "Small",
  "caps",
  "rally",
  "valuations",
  "diverge",
  "BRK.B",
  "S&P",
  "500",
  "e-mini",
  "Fed's",
  "rate.",
  ".NET",
  "Q3",
  "ÜBER",
  "über",
  "x*y",
];
const SEPARATORS = [" ", ", ", "-", "/", ". ", " (", ") "];
export const SYMBOLS = ["AAA", "BBB", "BRK.B", "SPY"];
export const DATES = ["2026-01-01T08:00:00Z", "2026-01-02T08:00:00Z", "2026-01-03"];
export const TICKER_IDS = ["ticker-0", "ticker-1", "ticker-2", "ticker-3"];
export const AUTHOR_IDS = ["author-0", "author-1"];
export const POST_IDS = ["p0", "p1", "p2", "p3", "p4", "p5"];
export const TOPIC_TITLES = ["Rates", "Small caps", "AI"];
export const MISSING_ID = "ticker-gone";

const text = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 5 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(""));

/** A field value that is usually `usual`, sometimes null or of another type. */
const mixed = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: usual },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 3, true, ["x"], { a: 1 }) },
  );

/** A reference before it is resolved: to the nth existing target, or weak to a missing document. */
interface RefIntent {
  target: number;
  missing: boolean;
  weak: boolean;
  /** A reference nested inside the reference object (groq-js's references() ignores it). */
  nested: number | undefined;
}
/** Usually `usual`, once in `odds` times `rare`. */
const seldom = <T, U>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<U>, odds = 6) =>
  fc.oneof({ weight: odds - 1, arbitrary: usual }, { weight: 1, arbitrary: rare });
const refIntent: fc.Arbitrary<RefIntent> = fc.record({
  target: fc.nat(7),
  missing: seldom(fc.constant(false), fc.constant(true)),
  weak: fc.boolean(),
  nested: seldom(fc.constant(undefined), fc.nat(7)),
});

const mention = fc.record(
  { ticker: refIntent, note: mixed(text), bareRef: fc.boolean() },
  { requiredKeys: ["bareRef"] },
);

const block = fc.record(
  {
    style: fc.constantFrom("normal", "h2"),
    spans: fc.array(mixed(text), { maxLength: 3 }),
    tickerRef: fc.option(refIntent, { nil: undefined }),
  },
  { requiredKeys: ["style", "spans"] },
);

const post = fc.record(
  {
    id: fc.constantFrom(...POST_IDS),
    variant: fc.constantFrom("published", "published", "drafts", "versions"),
    type: fc.constantFrom("post", "post", "post", "page"),
    title: mixed(text),
    slug: mixed(fc.constantFrom("a", "b", "c")),
    publishedAt: mixed(fc.constantFrom(...DATES)),
    summary: mixed(text),
    author: refIntent,
    tickers: fc.oneof(
      { weight: 8, arbitrary: fc.array(mention, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant("not a list") },
    ),
    body: fc.array(block, { maxLength: 3 }),
    topics: fc.array(
      fc.record({ title: mixed(fc.constantFrom(...TOPIC_TITLES)), description: mixed(text) }),
      { maxLength: 2 },
    ),
    views: mixed(fc.nat(3)),
    position: fc.nat(20),
  },
  { requiredKeys: ["id", "variant", "type", "position", "author"] },
);

const ticker = fc.record(
  {
    symbol: mixed(fc.constantFrom(...SYMBOLS)),
    name: text,
    kind: fc.constantFrom("etf", "stock"),
    position: fc.nat(20),
  },
  { requiredKeys: ["position"] },
);

const author = fc.record({
  name: mixed(text),
  slug: fc.constantFrom("ana", "bo"),
  position: fc.nat(20),
});

export const datasetArbitrary: fc.Arbitrary<Doc[]> = fc
  .record({
    tickers: fc.array(ticker, { maxLength: TICKER_IDS.length }),
    authors: fc.array(author, { maxLength: AUTHOR_IDS.length }),
    posts: fc.uniqueArray(post, {
      maxLength: 9,
      selector: (p) => `${p.variant}:${p.id}`,
    }),
    topicDoc: fc.boolean(),
  })
  .map(({ tickers, authors, posts, topicDoc }) => {
    const placed: Array<{ position: number; doc: Doc }> = [];
    tickers.forEach(({ position, ...fields }, i) =>
      placed.push({ position, doc: { _id: TICKER_IDS[i] as string, _type: "ticker", ...fields } }),
    );
    authors.forEach(({ position, slug, ...fields }, i) =>
      placed.push({
        position,
        doc: { _id: AUTHOR_IDS[i] as string, _type: "author", slug: { current: slug }, ...fields },
      }),
    );
    if (topicDoc)
      placed.push({ position: 5, doc: { _id: "topic-rates", _type: "topic", title: "Rates" } });
    const tickerIds = TICKER_IDS.slice(0, tickers.length);
    const authorIds = AUTHOR_IDS.slice(0, authors.length);
    for (const p of posts) {
      const id =
        p.variant === "published"
          ? p.id
          : p.variant === "drafts"
            ? `drafts.${p.id}`
            : `versions.r1.${p.id}`;
      const doc: Doc = { _id: id, _type: p.type };
      if (p.title !== undefined) doc.title = p.title;
      if (p.slug !== undefined)
        doc.slug = typeof p.slug === "string" ? { _type: "slug", current: p.slug } : p.slug;
      if (p.publishedAt !== undefined) doc.publishedAt = p.publishedAt;
      if (p.summary !== undefined) doc.summary = p.summary;
      doc.author = resolve(p.author, authorIds);
      if (p.tickers !== undefined)
        doc.tickers =
          typeof p.tickers === "string"
            ? p.tickers
            : p.tickers.map((m, k) => {
                const note = m.note !== undefined && { note: m.note };
                if (m.ticker === undefined) return { _key: `m${k}`, ...note };
                const ref = resolve(m.ticker, tickerIds);
                // A mention that is itself a reference, as an inline array of references would be.
                if (m.bareRef) return { _key: `m${k}`, ...ref };
                return {
                  _key: `m${k}`,
                  ticker: ref,
                  ...(m.note !== undefined && { note: m.note }),
                };
              });
      if (p.body !== undefined) doc.body = p.body.map((b, k) => portableText(b, k, tickerIds));
      if (p.topics !== undefined)
        doc.recommendedTopics = p.topics.map((topic, k) => ({ _key: `r${k}`, ...topic }));
      if (p.views !== undefined) doc.views = p.views;
      placed.push({ position: p.position, doc });
    }
    // As JSON carries them: fast-check's records have no prototype, documents in a lake do.
    const ordered = placed.sort((a, b) => a.position - b.position).map(({ doc }) => doc);
    return JSON.parse(JSON.stringify(ordered)) as Doc[];
  });

/** A reference to an existing target (strong or weak), or a weak one to a missing document. */
function resolve(intent: RefIntent, targets: string[]): Record<string, unknown> {
  const missing = intent.missing || targets.length === 0;
  const ref: Record<string, unknown> = {
    _type: "reference",
    _ref: missing ? MISSING_ID : targets[intent.target % targets.length],
  };
  if (missing || intent.weak) ref._weak = true;
  if (intent.nested !== undefined && targets.length > 0)
    ref.source = {
      _type: "reference",
      _ref: targets[intent.nested % targets.length],
      _weak: true,
    };
  return ref;
}

function portableText(
  b: { style: string; spans: unknown[]; tickerRef?: RefIntent },
  key: number,
  tickerIds: string[],
): Record<string, unknown> {
  const markDefs = b.tickerRef
    ? [{ _key: "d0", _type: "tickerRef", ticker: resolve(b.tickerRef, tickerIds) }]
    : [];
  return {
    _key: `b${key}`,
    _type: "block",
    style: b.style,
    markDefs,
    children: b.spans.map((span, s) => ({
      _key: `s${s}`,
      _type: "span",
      marks: markDefs.length > 0 && s === 0 ? ["d0"] : [],
      text: span,
    })),
  };
}
