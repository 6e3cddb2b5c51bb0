import {
  getPublishedId,
  isDraftId,
  isPrivateId,
  isPublicId,
  getReleaseName,
} from "../model/ids.ts";
import { guardArray, unbudgeted } from "./query-budget.ts";
import { referencedIds } from "../model/references.ts";
import type { Doc } from "../model/types.ts";

/**
 * The documents one perspective sees, with lazily built indexes. A view is immutable and is
 * thrown away on the next write, so queries between writes share all this work.
 */
export interface View {
  readonly docs: Doc[];
  readonly byId: Map<string, Doc>;
  ofType(type: string): Doc[];
  /** Documents of `type` grouped by the primitive value at `path` (e.g. `slug.current`). */
  byValue(type: string, path: string[]): Map<unknown, Doc[]>;
  /** Documents `references(id)` is true for (model/references.ts), in the view's order. */
  referencing(id: string): Doc[];
  /**
   * `docs` (documents of this view) once each, in the view's order: the order groq-js would
   * see them in when it scans `*`, which a narrowed scan must keep.
   */
  ordered(docs: Iterable<Doc>): Doc[];
  /** An index of this view's documents built by `build` on first use, under `key`, charged to no query. */
  cached<T>(key: string, build: () => T): T;
}

export interface ViewCache {
  get(perspective: string): View;
  invalidate(): void;
}

export function createViews(source: () => Iterable<Doc>): ViewCache {
  const cache = new Map<string, View>();
  return {
    get(perspective) {
      let view = cache.get(perspective);
      if (!view) {
        view = buildView(selectDocs(source(), perspective));
        cache.set(perspective, view);
      }
      return view;
    },
    invalidate() {
      cache.clear();
    },
  };
}

/**
 * `raw`: everything. `published`: no drafts or versions. `public`: what an anonymous reader of
 * the published perspective sees — no id under a path. Otherwise a stack such as `drafts` or
 * `rA,rB,drafts` (highest priority first): each layer's documents replace the published ones
 * under the published id, keeping their own id as `_originalId`, as the Content Lake does.
 */
function selectDocs(all: Iterable<Doc>, perspective: string): Doc[] {
  if (perspective === "raw") return [...all];
  if (perspective === "public") return [...all].filter((doc) => isPublicId(doc._id));
  const published: Doc[] = [];
  const layers =
    perspective === "published"
      ? []
      : perspective.split(",").filter((name) => name !== "published");
  const overlays = new Map<string, Doc>();
  const rank = new Map<string, number>();
  for (const doc of all) {
    if (!isPrivateId(doc._id)) {
      published.push(doc);
      continue;
    }
    if (layers.length === 0) continue;
    const layer = isDraftId(doc._id) ? "drafts" : getReleaseName(doc._id);
    const priority = layer === undefined ? -1 : layers.indexOf(layer);
    if (priority < 0) continue;
    const publishedId = getPublishedId(doc._id);
    const current = rank.get(publishedId);
    if (current !== undefined && current <= priority) continue;
    rank.set(publishedId, priority);
    overlays.set(publishedId, { ...doc, _id: publishedId, _originalId: doc._id });
  }
  if (overlays.size === 0) return published;
  const result: Doc[] = [];
  for (const doc of published) {
    const overlay = overlays.get(doc._id);
    result.push(overlay ?? doc);
    overlays.delete(doc._id);
  }
  for (const overlay of overlays.values()) result.push(overlay);
  return result;
}

/** A view over `docs`; iterating the view's documents checks a running query's time budget. */
export function buildView(all: Doc[]): View {
  const docs = guardArray(all);
  let byType: Map<unknown, Doc[]> | undefined;
  let references: Map<unknown, Doc[]> | undefined;
  let positions: Map<Doc, number> | undefined;
  const built = new Map<string, unknown>();
  const values = new Map<string, Map<unknown, Doc[]>>();
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  return {
    docs,
    byId,
    // Indexes are built for every later query of this view: no query's time budget pays for them.
    ofType(type) {
      byType ??= unbudgeted(() => groupBy(docs, (doc) => [doc._type]));
      return byType.get(type) ?? [];
    },
    byValue(type, path) {
      const key = `${type}\u0000${path.join(".")}`;
      let index = values.get(key);
      if (!index) {
        const ofType = this.ofType(type);
        index = unbudgeted(() => groupBy(ofType, (doc) => [valueAt(doc, path)]));
        values.set(key, index);
      }
      return index;
    },
    referencing(id) {
      references ??= unbudgeted(() => groupBy(docs, (doc) => referencedIds(doc)));
      return references.get(id) ?? [];
    },
    ordered(candidates) {
      const unique = new Set(candidates);
      // Many candidates: one pass over the view beats sorting them.
      if (unique.size * 8 > docs.length) return docs.filter((doc) => unique.has(doc));
      positions ??= unbudgeted(() => new Map(docs.map((doc, index) => [doc, index])));
      const at = positions;
      return [...unique].sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
    },
    cached<T>(key: string, build: () => T): T {
      if (!built.has(key)) built.set(key, unbudgeted(build));
      return built.get(key) as T;
    },
  };
}

function groupBy(docs: Doc[], keys: (doc: Doc) => Iterable<unknown>): Map<unknown, Doc[]> {
  const groups = new Map<unknown, Doc[]>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as Doc;
    for (const key of keys(doc)) {
      if (key === undefined || key === null) continue;
      const group = groups.get(key);
      if (group) group.push(doc);
      else groups.set(key, [doc]);
    }
  }
  return groups;
}

function valueAt(doc: Doc, path: string[]): unknown {
  let value: unknown = doc;
  for (const segment of path) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : undefined;
}
