export type Node = Record<string, unknown> & { type: string };

/** Rebuilds the tree bottom-up through `visit`, sharing unchanged subtrees. */
export function mapNodes(node: Node, visit: (node: Node) => Node): Node {
  let copy: Node | undefined;
  for (const [key, child] of Object.entries(node)) {
    if ((key === "value" && node.type === "Value") || child === null || typeof child !== "object")
      continue;
    let mapped: unknown = child;
    if (Array.isArray(child)) {
      const items = child.map((item: unknown) => (isNode(item) ? mapNodes(item, visit) : item));
      if (items.some((item, index) => item !== child[index])) mapped = items;
    } else if (isNode(child)) {
      mapped = mapNodes(child, visit);
    }
    if (mapped !== child) {
      copy ??= { ...node };
      copy[key] = mapped;
    }
  }
  return visit(copy ?? node);
}

export function isNode(value: unknown): value is Node {
  return value !== null && typeof value === "object" && typeof (value as Node).type === "string";
}

/** The elements of a constant array: a `Value` array or an `[a, b]` literal of values. */
export function constantArray(node: Node): unknown[] | undefined {
  if (node.type === "Value") return Array.isArray(node.value) ? node.value : undefined;
  if (node.type !== "Array") return undefined;
  const values: unknown[] = [];
  for (const element of node.elements as Node[]) {
    const value = element.value as Node | undefined;
    if (element.isSplat || value?.type !== "Value") return undefined;
    values.push(value.value);
  }
  return values;
}
