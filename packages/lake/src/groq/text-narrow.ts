import type { Node } from "./groq-ast.ts";
import { compileGetter } from "./groq-compile.ts";
import { compileTextSource, constantTerms } from "./groq-text.ts";
import type { TextSource } from "./groq-text.ts";
import type { View } from "./views.ts";
import type { Doc } from "../model/types.ts";

// Candidates for `match` and for `$value in <list>` (`$symbol in tickers[].ticker->symbol`):
// per view, the documents each token (or value) occurs under, from the same compiled readers the
// filter runs, so the candidates are exactly the documents the condition holds for; the filter
// still runs on them.

/**
 * `x match <constant>`: the documents where every term matches a token of x; undefined when not
 * indexable, or when there would be `atMost` or more (they would not narrow the scan).
 */
export function matchCandidates(node: Node, view: View, atMost: number): Doc[] | undefined {
  if (node.type !== "OpCall" || node.op !== "match") return undefined;
  const terms = constantTerms(node.right as Node);
  const parts = compileTextSource(node.left as Node, (part) => compileGetter(part, view));
  if (!terms || !parts) return undefined;
  let found: Set<Doc> | undefined;
  for (const term of terms) {
    const hits = new Set<Doc>();
    for (const part of parts) {
      for (const [id, docs] of postings(view, part.key, part.read)) {
        if (!term.hits(id)) continue;
        for (const doc of docs) if (!found || found.has(doc)) hits.add(doc);
        if (hits.size >= atMost) return undefined;
      }
    }
    found = hits;
  }
  return view.ordered(found ?? []);
}

/** Token number → the documents whose texts at `read` hold it (each once, in the view's order). */
function postings(view: View, key: string, read: TextSource): Map<number, Doc[]> {
  return view.cached(`match:${key}`, () => {
    const index = new Map<number, Doc[]>();
    for (let i = 0; i < view.docs.length; i++) {
      const doc = view.docs[i] as Doc;
      for (const tokens of read(doc)) {
        for (const id of tokens.ids) {
          const docs = index.get(id);
          if (!docs) index.set(id, [doc]);
          else if (docs[docs.length - 1] !== doc) docs.push(doc);
        }
      }
    }
    return index;
  });
}

/** `<constant> in <list of the document>`: the documents whose list holds it; else undefined. */
export function listCandidates(node: Node, view: View): Doc[] | undefined {
  if (node.type !== "OpCall" || node.op !== "in") return undefined;
  const left = node.left as Node;
  const right = node.right as Node;
  if (left.type !== "Value" || right.type === "Value" || right.type === "Array") return undefined;
  const key = valueKey(left.value);
  const list = compileGetter(right, view);
  if (key === undefined || !list) return undefined;
  const index = view.cached(`in:${JSON.stringify(right)}`, () => {
    const byValue = new Map<string, Doc[]>();
    for (let i = 0; i < view.docs.length; i++) {
      const doc = view.docs[i] as Doc;
      const values = list(doc);
      if (!Array.isArray(values)) continue;
      for (const value of values) {
        const at = valueKey(value);
        if (at === undefined) continue;
        const docs = byValue.get(at);
        if (!docs) byValue.set(at, [doc]);
        else if (docs[docs.length - 1] !== doc) docs.push(doc);
      }
    }
    return byValue;
  });
  return index.get(key) ?? [];
}

/** A key equal for two values exactly when groq-js's `==` holds (primitives only). */
function valueKey(value: unknown): string | undefined {
  if (value === null || value === undefined) return "null";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean"
    ? `${type}:${String(value)}`
    : undefined;
}
