import { isRecord } from "../model/records.ts";
import type { Doc } from "../model/types.ts";
import type { View } from "./views.ts";

// Content Source Maps: `resultSourceMap=true|withKeyArraySelector` on a query asks the Content
// Lake where each value of the result came from (document and path). @sanity/client turns that
// into stega-encoded strings, which the Presentation tool's click-to-edit overlays read.
// Format: https://www.sanity.io/docs/content-source-maps (result paths with indices; source
// paths with `[?(@._key=='…')]` selectors under `withKeyArraySelector`).
//
// groq-js keeps no provenance while it evaluates, so the lake traces a result back from what the
// result itself carries. An object with a document's `_id` (and `_type`, when projected) is
// anchored at that document. Below an anchor, a value equal to what the document holds at the
// same key is mapped there, at the highest level where the two are equal; array items follow
// their `_key` (or the one equal item); a value under a new name (`"slug": slug.current`) is
// mapped to the one place of its document that holds it. Anything else — computed values, a
// value held in several places, results with no document `_id` — is left out of the map, which
// only means no overlay for it, never a wrong one.

type Segment = string | number | { key: string };

interface Anchor {
  doc: Doc;
  path: Segment[];
  node: unknown;
}

interface Mapping {
  type: "value";
  source: { type: "documentValue"; document: number; path: number };
}

export interface ContentSourceMap {
  documents: Array<{ _id: string; _type: string }>;
  paths: string[];
  mappings: Record<string, Mapping>;
}

export type SourceMapMode = "true" | "withKeyArraySelector";

/** The `resultSourceMap` query parameter: off unless `true` or `withKeyArraySelector`. */
export function sourceMapMode(value: string | null): SourceMapMode | undefined {
  return value === "true" || value === "withKeyArraySelector" ? value : undefined;
}

export function contentSourceMap(
  result: unknown,
  view: View,
  mode: SourceMapMode,
): ContentSourceMap {
  const map: ContentSourceMap = { documents: [], paths: [], mappings: {} };
  const documentIndex = new Map<Doc, number>();
  const pathIndex = new Map<string, number>();

  const record = (resultPath: Array<string | number>, anchor: Anchor) => {
    let document = documentIndex.get(anchor.doc);
    if (document === undefined) {
      document = map.documents.length;
      documentIndex.set(anchor.doc, document);
      const id =
        typeof anchor.doc._originalId === "string" ? anchor.doc._originalId : anchor.doc._id;
      map.documents.push({ _id: id, _type: String(anchor.doc._type ?? "") });
    }
    const sourcePath = jsonPath(
      mode === "withKeyArraySelector"
        ? anchor.path
        : anchor.path.map((segment, i) => (isKey(segment) ? indexOfKey(anchor, i) : segment)),
    );
    let path = pathIndex.get(sourcePath);
    if (path === undefined) {
      path = map.paths.length;
      pathIndex.set(sourcePath, path);
      map.paths.push(sourcePath);
    }
    map.mappings[jsonPath(resultPath)] = {
      type: "value",
      source: { type: "documentValue", document, path },
    };
  };

  // Every leaf gets its own mapping, so array items keep their `_key` in the source path.
  const recordLeaves = (value: unknown, resultPath: Array<string | number>, anchor: Anchor) => {
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        const segment =
          isRecord(item) && typeof item._key === "string" ? { key: item._key } : index;
        const path = [...anchor.path, segment];
        recordLeaves(item, [...resultPath, index], { ...anchor, path, node: item });
      });
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value))
        recordLeaves(child, [...resultPath, key], {
          ...anchor,
          path: [...anchor.path, key],
          node: child,
        });
    } else if (value !== null && value !== undefined) {
      record(resultPath, anchor);
    }
  };

  const trace = (value: unknown, resultPath: Array<string | number>, from?: Anchor) => {
    if (value === null || value === undefined) return;
    const anchor = documentAnchor(value, view) ?? from;
    if (anchor && deepEqual(value, anchor.node)) {
      recordLeaves(value, resultPath, anchor);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        trace(item, [...resultPath, index], anchor && itemAnchor(anchor, item)),
      );
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const same =
        anchor && isRecord(anchor.node) && key in anchor.node ? at(anchor, key) : undefined;
      const next = same && sameKind(child, same.node) ? same : anchor && findUnique(anchor, child);
      trace(child, [...resultPath, key], next);
    }
  };

  trace(result, []);
  return map;
}

/** The document a result object stands for: its `_id` (and `_type`, when present) match. */
function documentAnchor(value: unknown, view: View): Anchor | undefined {
  if (!isRecord(value) || typeof value._id !== "string") return undefined;
  const doc = view.byId.get(value._id);
  if (!doc || (value._type !== undefined && value._type !== doc._type)) return undefined;
  return { doc, path: [], node: doc };
}

function at(anchor: Anchor, segment: string): Anchor {
  const node = isRecord(anchor.node) ? anchor.node[segment] : undefined;
  return { doc: anchor.doc, path: [...anchor.path, segment], node };
}

/** An array item's source: the item with its `_key`, else the one item equal to it. */
function itemAnchor(anchor: Anchor, item: unknown): Anchor | undefined {
  if (!Array.isArray(anchor.node)) return undefined;
  const items: unknown[] = anchor.node;
  if (isRecord(item) && typeof item._key === "string") {
    const node = items.find((candidate) => isRecord(candidate) && candidate._key === item._key);
    return node === undefined
      ? undefined
      : { doc: anchor.doc, path: [...anchor.path, { key: item._key }], node };
  }
  const matches = items.flatMap((candidate, index) => (deepEqual(candidate, item) ? [index] : []));
  const index = matches[0];
  return matches.length === 1 && index !== undefined
    ? { doc: anchor.doc, path: [...anchor.path, index], node: items[index] }
    : undefined;
}

/** The one place under the anchor holding `value` (a non-empty string or a structure). */
function findUnique(anchor: Anchor, value: unknown): Anchor | undefined {
  if (typeof value !== "string" && !Array.isArray(value) && !isRecord(value)) return undefined;
  if (value === "") return undefined;
  let found: Anchor | undefined;
  let count = 0;
  const visit = (node: unknown, path: Segment[]) => {
    if (count > 1) return;
    if (deepEqual(node, value)) {
      count++;
      found = { doc: anchor.doc, path, node };
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) =>
        visit(item, [
          ...path,
          isRecord(item) && typeof item._key === "string" ? { key: item._key } : index,
        ]),
      );
    } else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) visit(child, [...path, key]);
    }
  };
  visit(anchor.node, anchor.path);
  return count === 1 ? found : undefined;
}

function sameKind(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b);
  if (isRecord(a) || isRecord(b)) return isRecord(a) && isRecord(b);
  return a === b;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  if (keys.length !== Object.keys(b).filter((key) => b[key] !== undefined).length) return false;
  return keys.every((key) => key in b && deepEqual(a[key], b[key]));
}

function isKey(segment: Segment): segment is { key: string } {
  return typeof segment === "object";
}

/** Under `resultSourceMap=true`, a keyed segment is written as the item's index. */
function indexOfKey(anchor: Anchor, position: number): number {
  let node: unknown = anchor.doc;
  for (const segment of anchor.path.slice(0, position)) {
    if (isKey(segment))
      node = Array.isArray(node)
        ? node.find((item) => isRecord(item) && item._key === segment.key)
        : undefined;
    else node = (node as Record<string | number, unknown> | undefined)?.[segment];
  }
  const segment = anchor.path[position] as { key: string };
  return Array.isArray(node)
    ? node.findIndex((item) => isRecord(item) && item._key === segment.key)
    : -1;
}

const ESCAPES: Record<string, string> = {
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "'": "\\'",
  "\\": "\\\\",
};
const escape = (text: string) => text.replace(/[\f\n\r\t'\\]/g, (char) => ESCAPES[char] ?? char);

/** `$['body'][?(@._key=='a1')]['children'][0]`, as Content Source Maps write paths. */
function jsonPath(path: readonly Segment[]): string {
  return `$${path
    .map((segment) =>
      typeof segment === "number"
        ? `[${segment}]`
        : typeof segment === "string"
          ? `['${escape(segment)}']`
          : `[?(@._key=='${escape(segment.key)}')]`,
    )
    .join("")}`;
}
