import { evaluate, parse } from "groq-js";

/**
 * What plain groq-js (the version the lake uses) answers for `query` over `docs`: the answer the
 * lake's indexes, narrowing and compiled filters must never change.
 */
export async function groqJsAnswer(
  docs: unknown[],
  query: string,
  params: Record<string, unknown> = {},
  now?: Date,
): Promise<unknown> {
  const tree = parse(query, { params });
  return (await evaluate(tree, { dataset: docs, params, timestamp: now })).get();
}
