import type { Node } from "./groq-ast.ts";
import { compileGetter, compilePredicate } from "./groq-compile.ts";
import { answersFor, readsOnlyItsElement } from "./groq-memo.ts";
import { compileMatchScore } from "./groq-text.ts";
import type { View } from "./views.ts";

// `score(…)`'s arguments compiled with groq-js's semantics (its evaluateScoreSync): a `match`
// scores by how often each term occurs, `boost(x, n)` adds n to a positive score, `||` adds,
// `&&` adds when both sides score, and anything else scores 1 when it is true.

export type Scorer = (doc: unknown) => number;

/** A document's `_score` after `score(args)`, as groq-js computes it; undefined when not compilable. */
export function compileScorer(args: Node[], view: View): Scorer | undefined {
  const parts: Scorer[] = [];
  for (const arg of args) {
    const part = compileScore(arg, view);
    if (!part) return undefined;
    parts.push(part);
  }
  const scorer: Scorer = (doc) => {
    const previous =
      doc !== null && typeof doc === "object" ? (doc as { _score?: unknown })._score : undefined;
    let score = typeof previous === "number" ? previous : 0;
    for (const part of parts) score += part(doc);
    return score;
  };
  // A score that reads only its document is kept per document version, as projections are.
  if (!args.every(readsOnlyItsElement)) return scorer;
  const scores = answersFor(args, "score");
  return (doc) => {
    if (doc === null || typeof doc !== "object") return scorer(doc);
    let score = scores.get(doc) as number | undefined;
    if (score === undefined) {
      score = scorer(doc);
      scores.set(doc, score);
    }
    return score;
  };
}

function compileScore(node: Node, view: View): Scorer | undefined {
  if (node.type === "OpCall" && node.op === "match")
    return compileMatchScore(node, (part) => compileGetter(part, view));
  if (node.type === "FuncCall" && node.name === "boost") {
    const args = node.args as Node[];
    const inner = args[0] && compileScore(args[0], view);
    const boost = args[1] && compileGetter(args[1], view);
    if (!inner || !boost) return undefined;
    return (doc) => {
      const score = inner(doc);
      const by = boost(doc);
      return typeof by === "number" && score > 0 ? score + by : 0;
    };
  }
  if (node.type === "Or" || node.type === "And") {
    const left = compileScore(node.left as Node, view);
    const right = compileScore(node.right as Node, view);
    if (!left || !right) return undefined;
    if (node.type === "Or") return (doc) => left(doc) + right(doc);
    return (doc) => {
      const a = left(doc);
      const b = right(doc);
      return a === 0 || b === 0 ? 0 : a + b;
    };
  }
  const predicate = compilePredicate(node, view);
  return predicate && ((doc) => (predicate(doc) === true ? 1 : 0));
}
