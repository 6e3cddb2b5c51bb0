// How a parsed query may behave while it runs, read from its tree before it does (query-engine.ts
// decides from it where and under which limit the query runs).

export interface QueryShape {
  /**
   * Some per-element expression iterates over something other than the current element's own
   * data (a parent `^`, a literal array, …): its cost can multiply with every level of nesting
   * without passing through the points where a budget is checked, so it runs under a hard one.
   */
  unbounded: boolean;
  /** Uses a function groq-js evaluates only asynchronously (`diff::`/`delta::` changedAny/changedOnly). */
  needsAsync: boolean;
}

const ITERATION = new Set(["Filter", "Map", "FlatMap", "PipeFuncCall"]);
const PER_ELEMENT: Record<string, string> = {
  Filter: "expr",
  Map: "expr",
  FlatMap: "expr",
  Projection: "expr",
  PipeFuncCall: "args",
};

type AstNode = Record<string, unknown> & { type: string };
const isAstNode = (value: unknown): value is AstNode =>
  value !== null && typeof value === "object" && typeof (value as AstNode).type === "string";

/** Calls `visit` with each child node of `node` and the key it is under. */
function eachChild(node: AstNode, visit: (key: string, child: AstNode) => void): void {
  for (const key in node) {
    if (key === "value" && node.type === "Value") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (isAstNode(item)) visit(key, item);
    } else if (isAstNode(value)) visit(key, value);
  }
}

/**
 * What a parsed query needs to run safely (see QueryShape), found without recursion.
 * `isGuarded` tells whether a constant array is checked while iterated (parameters are).
 */
export function inspectQuery(tree: unknown, isGuarded: (array: unknown[]) => boolean): QueryShape {
  const shape: QueryShape = { unbounded: false, needsAsync: false };
  if (!isAstNode(tree)) return shape;
  const stack: Array<{ node: AstNode; scopes: number }> = [{ node: tree, scopes: 0 }];
  while (stack.length > 0) {
    const { node, scopes } = stack.pop() as { node: AstNode; scopes: number };
    if (
      node.type === "FuncCall" &&
      (node.namespace === "diff" || node.namespace === "delta") &&
      (node.name === "changedAny" || node.name === "changedOnly")
    )
      shape.needsAsync = true;
    if (ITERATION.has(node.type) && scopes > 0 && isAstNode(node.base))
      if (!readsOwnData(node.base, isGuarded)) shape.unbounded = true;
    const iterates = ITERATION.has(node.type);
    eachChild(node, (key, child) => {
      const inner = iterates && PER_ELEMENT[node.type] === key;
      stack.push({ node: child, scopes: scopes + (inner ? 1 : 0) });
    });
  }
  return shape;
}

/**
 * True when an iteration's base reads only the current element's own data (or the dataset and
 * parameters, whose iteration is checked): then its cost is bounded by the element's size.
 */
function readsOwnData(base: AstNode, isGuarded: (array: unknown[]) => boolean): boolean {
  const stack = [base];
  while (stack.length > 0) {
    const node = stack.pop() as AstNode;
    if (node.type === "Parent" || node.type === "Array" || node.type === "Context") return false;
    if (node.type === "Value" && Array.isArray(node.value) && !isGuarded(node.value)) return false;
    eachChild(node, (key, child) => {
      if (PER_ELEMENT[node.type] !== key) stack.push(child);
    });
  }
  return true;
}
