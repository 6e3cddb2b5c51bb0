import type { Path, ValidationError } from "sanity";
import type { ChartPointBlock, ChartSeriesBlock } from "../../lib/content/chart.ts";
import { publishedId } from "../../lib/content/ids.ts";
import { canonicalSymbol, isSymbol } from "../../lib/content/symbols.ts";

// Pure validation rules, kept free of Studio context so unit tests can exercise them.
// Each returns `true` or what Sanity's Rule.custom accepts: a message or errors with paths
// relative to the validated value.

export type RuleResult = true | string | ValidationError[];

export function validateSymbol(symbol: string | undefined): true | string {
  if (!symbol) return true; // `required` reports absence
  if (isSymbol(symbol)) return true;
  const canonical = canonicalSymbol(symbol);
  const hint = canonical ? ` Did you mean “${canonical}”?` : "";
  return (
    "Use the exchange symbol in upper case: a letter, then up to 9 letters or digits, " +
    `optionally a share class like “.B” (e.g. IWM, NVDA, BRK.B).${hint}`
  );
}

// A chart's values while an editor works on them: the stored shapes (lib/content/chart.ts, from
// typegen), with any field still missing.
export type ChartPointValue = Partial<ChartPointBlock>;
export type ChartSeriesValue = Partial<Omit<ChartSeriesBlock, "points">> & {
  points?: ChartPointValue[];
};

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** A range point needs both ends with low ≤ high; a plain point needs a value. */
export function validateChartPoint(point: ChartPointValue | undefined): RuleResult {
  if (!point) return true;
  const hasLow = isNumber(point.low);
  const hasHigh = isNumber(point.high);
  const errors: ValidationError[] = [];
  if (hasLow !== hasHigh) {
    errors.push({
      message: "A range needs both a low and a high value",
      path: [hasLow ? "high" : "low"],
    });
  } else if (hasLow && hasHigh && (point.low as number) > (point.high as number)) {
    errors.push({
      message: "The low end of the range must not exceed the high end",
      path: ["low"],
    });
  }
  if (!isNumber(point.value) && !(hasLow && hasHigh)) {
    errors.push({ message: "A point needs a value (or a low–high range)", path: ["value"] });
  }
  return errors.length ? errors : true;
}

const itemPath = (item: { _key?: string }, index: number): Path[number] =>
  item._key ? { _key: item._key } : index;

/** A chart draws at least one series, and every series at least one point. */
export function validateChartSeries(series: ChartSeriesValue[] | undefined): RuleResult {
  if (!series || series.length === 0) return "A chart needs at least one data series";
  const errors: ValidationError[] = series.flatMap((item, index) =>
    item.points && item.points.length > 0
      ? []
      : [
          {
            message: `Series “${item.name ?? index + 1}” needs at least one point`,
            path: [itemPath(item, index), "points"],
          },
        ],
  );
  return errors.length ? errors : true;
}

export type TickerMentionValue = {
  _key?: string;
  ticker?: { _ref?: string };
  note?: string;
};

/** Each ticker is linked once per post: its one note says why it matters. */
export function validateUniqueTickerMentions(
  mentions: TickerMentionValue[] | undefined,
): RuleResult {
  if (!mentions) return true;
  const seen = new Set<string>();
  const errors: ValidationError[] = [];
  mentions.forEach((mention, index) => {
    const ref = mention.ticker?._ref;
    if (!ref) return;
    if (seen.has(ref)) {
      errors.push({
        message: "This ticker is already linked in this post; keep one mention and merge the notes",
        path: [itemPath(mention, index), "ticker"],
      });
    }
    seen.add(ref);
  });
  return errors.length ? errors : true;
}

/**
 * GROQ finding another published document of `type` whose `field` equals $value.
 * Drafts and versions (of this or other documents) do not count: a value becomes taken when
 * it is published.
 */
export function uniqueValueQuery(type: string, field: string): string {
  return (
    `count(*[_type == ${JSON.stringify(type)} && ${field} == $value && _id != $id` +
    ` && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]) == 0`
  );
}

/** The slice of a Sanity client the uniqueness check needs (use the `raw` perspective). */
export type FetchQuery = (query: string, params: Record<string, unknown>) => Promise<unknown>;

export async function isUniqueValue(
  fetchQuery: FetchQuery,
  {
    type,
    field,
    value,
    documentId,
  }: { type: string; field: string; value: string; documentId: string },
): Promise<boolean> {
  return (
    (await fetchQuery(uniqueValueQuery(type, field), { value, id: publishedId(documentId) })) ===
    true
  );
}

export type CorrectionValue = {
  _key?: string;
  kind?: string;
  at?: string;
  text?: string;
};

const sameCorrection = (a: CorrectionValue, b: CorrectionValue) =>
  a.kind === b.kind && a.at === b.at && (a.text ?? "").trim() === (b.text ?? "").trim();

/** A published correction that the list being edited no longer has as it was published. */
export type PublishedCorrectionChange =
  | { change: "removed"; published: CorrectionValue }
  | { change: "rewritten"; published: CorrectionValue; index: number; current: CorrectionValue };

/**
 * The published corrections (`published`, the published version's list) that `corrections` has
 * removed or rewritten, matched by `_key`. Corrections added since, published or not, are free.
 */
export function publishedCorrectionChanges(
  corrections: CorrectionValue[] | undefined,
  published: CorrectionValue[] | undefined,
): PublishedCorrectionChange[] {
  const current = corrections ?? [];
  const changes: PublishedCorrectionChange[] = [];
  for (const old of published ?? []) {
    if (!old._key) continue;
    const index = current.findIndex((item) => item._key === old._key);
    if (index === -1) changes.push({ change: "removed", published: old });
    else if (!sameCorrection(current[index]!, old))
      changes.push({ change: "rewritten", published: old, index, current: current[index]! });
  }
  return changes;
}

/** “the published update of 2026-01-17 (“Added the close.”)”, as the editor knows it. */
export function describePublishedCorrection(correction: CorrectionValue): string {
  const when = correction.at ? ` of ${correction.at.slice(0, 10)}` : "";
  const text = (correction.text ?? "").trim().replace(/\s+/g, " ");
  const quoted = text ? ` (“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”)` : "";
  return `the published ${correction.kind ?? "correction"}${when}${quoted}`;
}

/**
 * Why a post cannot be published as edited, in plain words, or `undefined` when every published
 * correction is there as it was published: which ones were removed or rewritten, and what to do.
 * The Studio's Publish action says it (sanity/components/publish-action.tsx).
 */
export function publishedCorrectionsProblem(
  corrections: CorrectionValue[] | undefined,
  published: CorrectionValue[] | undefined,
): string | undefined {
  const changes = publishedCorrectionChanges(corrections, published);
  if (changes.length === 0) return undefined;
  const what = changes.map(({ change, published: old }) => {
    const described = describePublishedCorrection(old);
    return `${described[0]!.toUpperCase()}${described.slice(1)} was ${change}.`;
  });
  return (
    `${what.join(" ")} A published correction stays as it was published: undo the ` +
    `${changes.length > 1 ? "changes" : "change"} and add a new correction at the top instead.`
  );
}

/**
 * Corrections are a public record: once published, one can be neither removed nor rewritten
 * (`published` is the published version's list), and the list runs newest first, as readers see
 * it. A new one is added at the top.
 */
export function validateCorrections(
  corrections: CorrectionValue[] | undefined,
  published: CorrectionValue[] | undefined,
): RuleResult {
  const current = corrections ?? [];
  const errors: ValidationError[] = [];
  for (const change of publishedCorrectionChanges(current, published)) {
    if (change.change === "removed") {
      const old = change.published;
      const when = old.at ? ` of ${old.at.slice(0, 10)}` : "";
      errors.push({
        message:
          `The published ${old.kind ?? "correction"}${when} was removed: a published ` +
          "correction stays on the record. Undo the removal, and add a new correction instead.",
        path: [],
      });
    } else {
      errors.push({
        message:
          "This correction is published and cannot be rewritten; add a new correction or " +
          "clarification above it instead",
        path: [itemPath(change.current, change.index)],
      });
    }
  }
  current.forEach((item, index) => {
    const previous = current[index - 1];
    if (index === 0 || !item.at || !previous?.at) return;
    if (Date.parse(item.at) > Date.parse(previous.at)) {
      errors.push({
        message: "Corrections run newest first: move this one above the older ones",
        path: [itemPath(item, index), "at"],
      });
    }
  });
  return errors.length ? errors : true;
}
