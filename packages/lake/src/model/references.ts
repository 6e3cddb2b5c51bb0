import { isRecord } from "./records.ts";

/**
 * A reference the Studio created in place ("Create new" in a reference field) points at a
 * document that may not be published yet, so the Studio writes it weak with
 * `_strengthenOnPublish: {type, weak?, template?}`. The Content Lake's publish action turns each
 * such reference into what the schema asks for: strong, or weak when `_strengthenOnPublish.weak`
 * (as @sanity/sdk's local model of the publish action does too).
 */
export function strengthenOnPublish<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => strengthenOnPublish(item)) as T;
  if (!isRecord(value)) return value;
  if (isRecord(value._strengthenOnPublish)) {
    const { _strengthenOnPublish: marker, _weak: _ignored, ...reference } = value;
    return (marker.weak === true ? { ...reference, _weak: true } : reference) as T;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, strengthenOnPublish(item)]),
  ) as T;
}

/**
 * The ids `value` strongly references: every object with a string `_ref`, at any depth, unless
 * it is marked `_weak: true`. These are the references the Content Lake keeps intact.
 */
export function strongRefs(value: unknown, refs = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) strongRefs(item, refs);
  } else if (isRecord(value)) {
    if (typeof value._ref === "string" && value._weak !== true) refs.add(value._ref);
    for (const item of Object.values(value)) if (typeof item === "object") strongRefs(item, refs);
  }
  return refs;
}

/**
 * GROQ's `references()` as groq-js 2.0.0 answers it (hasReference in its evaluator): an array
 * references what any element does; an object with a truthy `_ref` is a reference and references
 * exactly that (nothing nested below it counts); any other object references what its values do.
 */
export function hasReference(value: unknown, ids: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => hasReference(item, ids));
  if (value === null || typeof value !== "object") return false;
  const ref = (value as { _ref?: unknown })._ref;
  if (ref) return typeof ref === "string" && ids.has(ref);
  return Object.values(value).some((item) => hasReference(item, ids));
}

/** The ids `id` for which `hasReference(value, {id})` holds: what a `references()` index keys a document by. */
export function referencedIds(value: unknown, ids = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, ids);
  } else if (value !== null && typeof value === "object") {
    const ref = (value as { _ref?: unknown })._ref;
    if (ref) {
      if (typeof ref === "string") ids.add(ref);
    } else {
      for (const item of Object.values(value)) referencedIds(item, ids);
    }
  }
  return ids;
}
