import fc from "fast-check";
import {
  AUTHOR_IDS,
  DATES,
  MISSING_ID,
  POST_IDS,
  SYMBOLS,
  TICKER_IDS,
  TOPIC_TITLES,
  WORDS,
} from "./dataset.ts";

// Queries for the differential test: random ones built from the filters, orders, slices, counts,
// references(), `in`, `match`, projections and subqueries the lake's fast paths (narrowing,
// compiled filters, sliced orders, indexes) handle. The app's own queries are not copied here
// (a copy goes stale): the app runs them, imported, over these same datasets
// (tests/integration/sanity/queries-differential.test.ts in the repository).

export interface DiffQuery {
  query: string;
  params: Record<string, unknown>;
  /**
   * The query groq-js answers to check the lake's answer, when it differs: `text::query()` is
   * the lake's own (groq-js has none), rewritten as plain `match` conditions (groq.ts).
   */
  oracle?: string;
}

const REF_IDS = [...TICKER_IDS, ...AUTHOR_IDS, MISSING_ID, "p1"];
const ANY_IDS = [...POST_IDS, "drafts.p1", "versions.r1.p2", ...TICKER_IDS, "author-0"];
const q = (s: string) => JSON.stringify(s);
const list = (items: string[]) => `[${items.map(q).join(", ")}]`;

const refId = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TICKER_IDS) },
  { weight: 1, arbitrary: fc.constantFrom(...REF_IDS) },
);
/** Lists with repeats and in any order. */
const refIds = fc.array(refId, { maxLength: 4 });
const pattern = fc.oneof(
  fc.constantFrom(...WORDS).map((w) => w.toLowerCase()),
  fc.constantFrom("val*", "*caps", "s*", "brk.b", "e-mini", "", "-", "über", "Q*3"),
);
const patterns = fc.oneof(pattern, fc.array(pattern, { maxLength: 3 }));
const textSource = fc.constantFrom(
  "title",
  "summary",
  "pt::text(body)",
  "[title, summary, pt::text(body)]",
  "[title, ...tickers[].ticker->symbol]",
  "tickers[].note",
  "recommendedTopics[].title",
);

/** One condition, as a string of GROQ with its parameters. */
type Part = { text: string; params: Record<string, unknown>; oracle?: string };
const part = (text: string, params: Record<string, unknown> = {}, oracle?: string): Part => ({
  text,
  params,
  ...(oracle !== undefined && { oracle }),
});

/** Conditions the lake narrows by (its indexes) or compiles, more often than the others. */
const indexed: fc.Arbitrary<Part> = fc.oneof(
  fc
    .array(fc.constantFrom("post", "ticker", "author", "page"), { minLength: 1, maxLength: 4 })
    .map((types) => part(`_type in ${list(types)}`)),
  fc
    .array(fc.constantFrom(...ANY_IDS), { maxLength: 4 })
    .map((ids) => part(`_id in $ids`, { ids })),
  refIds.map((ids) => part(`references(${list(ids)})`)),
  refIds.map((ids) => part("references($ids)", { ids })),
  refId.map((id) => part("count(tickers[references($id)]) > 0", { id })),
  refId.map((id) => part(`!references(${q(id)})`)),
);

const atom: fc.Arbitrary<Part> = fc.oneof(
  { weight: 8, arbitrary: indexed },
  fc.constantFrom("post", "page", "ticker", "author").map((t) => part(`_type == ${q(t)}`)),
  fc
    .array(fc.constantFrom("post", "ticker", "author", "page"), { minLength: 1, maxLength: 4 })
    .map((types) => part(`_type in ${list(types)}`)),
  fc.constantFrom(...ANY_IDS).map((id) => part(`_id == ${q(id)}`)),
  fc
    .array(fc.constantFrom(...ANY_IDS), { maxLength: 4 })
    .map((ids) => part(`_id in $ids`, { ids })),
  fc.array(fc.constantFrom(...ANY_IDS), { maxLength: 4 }).map((ids) => part(`_id in ${list(ids)}`)),
  fc.constantFrom(
    part('_id in path("drafts.**")'),
    part('!(_id in path("versions.**"))'),
    part("defined(slug.current)"),
    part("defined(publishedAt)"),
    part("!defined(tickers)"),
    part("count(tickers) >= 2"),
    part("views > 1"),
  ),
  fc.constantFrom("a", "b", "c", 3).map((slug) => part("slug.current == $slug", { slug })),
  fc.constantFrom(...SYMBOLS, 3).map((symbol) => part("symbol == $symbol", { symbol })),
  refId.map((id) => part(`references(${q(id)})`)),
  refIds.map((ids) => part(`references(${list(ids)})`)),
  refIds.map((ids) => part("references($ids)", { ids })),
  refId.map((id) => part(`!references(${q(id)})`)),
  refId.map((id) => part("count(tickers[references($id)]) > 0", { id })),
  refIds.map((ids) => part("count(tickers[ticker._ref in $ids]) > 0", { ids })),
  refId.map((id) => part("$id in tickers[].ticker._ref", { id })),
  refId.map((id) => part(`author._ref == ${q(id)}`)),
  fc
    .tuple(fc.constantFrom("<", "<=", ">", ">=", "==", "!="), fc.constantFrom(...DATES))
    .map(([op, date]) => part(`publishedAt ${op} ${q(date)}`)),
  fc
    .tuple(textSource, patterns)
    .map(([source, terms]) => part(`${source} match $terms`, { terms })),
  fc
    .constantFrom(...SYMBOLS)
    .map((symbol) => part("$symbol in tickers[].ticker->symbol", { symbol })),
  fc
    .constantFrom(...TOPIC_TITLES)
    .map((title) => part("$title in recommendedTopics[].title", { title })),
  fc
    .tuple(
      fc.constantFrom("title", "[title, pt::text(body)]"),
      fc.array(pattern, { maxLength: 2 }),
      fc.array(pattern, { maxLength: 2 }),
    )
    .map(([source, include, exclude]) => textQuery(source, include, exclude)),
);

/** `x match text::query("a b -c")` and the conditions the lake rewrites it into (groq.ts). */
function textQuery(source: string, include: string[], exclude: string[]): Part {
  const words = [...include.filter(Boolean), ...exclude.filter(Boolean).map((w) => `-${w}`)];
  const lake = `${source} match text::query(${q(words.join(" "))})`;
  const kept = include.filter(Boolean);
  const dropped = exclude.filter(Boolean);
  if (kept.length === 0 && dropped.length === 0) return part(lake, {}, "true");
  const oracle = [
    `${source} match ${list(kept)}`,
    ...dropped.map((w) => `!(${source} match ${q(w)})`),
  ];
  return part(lake, {}, `(${oracle.join(" && ")})`);
}

const join = (parts: Part[], op: string): Part => ({
  text: parts.map((p) => p.text).join(op),
  params: Object.assign({}, ...parts.map((p) => p.params)) as Record<string, unknown>,
  oracle: parts.some((p) => p.oracle !== undefined)
    ? parts.map((p) => p.oracle ?? p.text).join(op)
    : undefined,
});

/** A filter: conditions joined by `&&`, sometimes with an `||` or a negated group inside. */
const filter: fc.Arbitrary<Part> = fc
  .tuple(
    fc.array(atom, { minLength: 1, maxLength: 2 }),
    fc.option(fc.tuple(atom, atom, fc.boolean()), { freq: 2, nil: undefined }),
  )
  .map(([conditions, either]) => {
    const parts = [...conditions];
    if (either) {
      const [a, b, negate] = either;
      const group = join([a, b], " || ");
      parts.push({
        ...group,
        text: `${negate ? "!" : ""}(${group.text})`,
        oracle: group.oracle === undefined ? undefined : `${negate ? "!" : ""}(${group.oracle})`,
      });
    }
    return join(parts, " && ");
  });

const orderKey = fc.tuple(
  fc.constantFrom("publishedAt", "_id", "title", "symbol", "views", "slug.current"),
  fc.constantFrom("", " asc", " desc"),
);
const order = fc.option(
  fc
    .array(orderKey, { minLength: 1, maxLength: 2 })
    .map((keys) => ` | order(${keys.map(([k, d]) => k + d).join(", ")})`),
  { nil: "" },
);
const bound = fc.integer({ min: -3, max: 6 });
const slice = fc.oneof(
  fc.constant({ text: "", params: {} }),
  fc
    .tuple(bound, bound, fc.boolean())
    .map(([a, b, inclusive]) => ({ text: `[${a}${inclusive ? ".." : "..."}${b}]`, params: {} })),
  bound.map((i) => ({ text: `[${i}]`, params: {} })),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1, max: 5 })).map(([start, end]) => ({
    text: "[$start...$end]",
    params: { start, end },
  })),
);
const projection = fc.constantFrom(
  "",
  "._id",
  "{_id, title}",
  '{_id, "n": count(tickers[references("ticker-0")]), "symbols": tickers[].ticker->symbol}',
  '{_id, "mentions": count(*[references(^._id)])}',
  '{_id, "author": author->name, "text": pt::text(body)}',
  '{..., "notes": tickers[ticker._ref in ["ticker-1", "ticker-0"]].note}',
  // Traversals that flatten each element's array (FlatMap), as allTopicTitlesQuery's does.
  ".tickers[].note",
  ".recommendedTopics[defined(title)].title",
);

const scoreArg = fc
  .tuple(
    fc.constantFrom("title", "summary", "pt::text(body)", "[title, summary]"),
    patterns,
    fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  )
  .map(([source, terms, boost]) => {
    const match = `${source} match ${JSON.stringify(terms)}`;
    return boost === undefined ? match : `boost(${match}, ${boost})`;
  });

const withOracle = (text: string, params: Record<string, unknown>, f: Part): DiffQuery => ({
  query: text.replace("§", f.text),
  params: { ...params, ...f.params },
  ...(f.oracle !== undefined && { oracle: text.replace("§", f.oracle) }),
});

const randomQuery: fc.Arbitrary<DiffQuery> = fc.oneof(
  fc
    .tuple(filter, order, slice, projection)
    .map(([f, o, s, p]) => withOracle(`*[§]${o}${s.text}${p}`, s.params, f)),
  filter.map((f) => withOracle("count(*[§])", {}, f)),
  fc
    .tuple(filter, fc.array(scoreArg, { minLength: 1, maxLength: 3 }), slice)
    .map(([f, args, s]) =>
      withOracle(
        `*[§] | score(${args.join(", ")}) | order(_score desc, _id asc)${s.text}{_id, _score}`,
        s.params,
        f,
      ),
    ),
  fc.tuple(filter, filter).map(([a, b]) => {
    const both = join([a, b], "§§");
    const [x, y] = both.text.split("§§");
    const [ox, oy] = (both.oracle ?? both.text).split("§§");
    return {
      query: `{"a": *[${x}]._id, "b": count(*[${y}])}`,
      params: both.params,
      ...(both.oracle !== undefined && { oracle: `{"a": *[${ox}]._id, "b": count(*[${oy}])}` }),
    };
  }),
  fc.constant({
    query: '*[_type == "ticker"]{_id, "posts": count(*[_type == "post" && references(^._id)])}',
    params: {},
  }),
);

export const queryArbitrary: fc.Arbitrary<DiffQuery> = randomQuery
  // Parameters as JSON carries them: fast-check's records have no prototype.
  .map((query) => ({
    ...query,
    params: JSON.parse(JSON.stringify(query.params)) as DiffQuery["params"],
  }));
