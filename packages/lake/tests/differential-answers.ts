import {
  evaluateQuery,
  evaluateQueryAsync,
  NeedsAsyncEvaluation,
  prepareQuery,
} from "../src/groq/groq.ts";
import { createViews } from "../src/groq/views.ts";
import { groqJsAnswer } from "./oracle.ts";
import type { Doc } from "./differential/dataset.ts";

// The two sides a differential test compares, each as JSON carries its answer or the fact that
// the query was refused: plain groq-js, and the lake's engine without HTTP. Shared by the
// package's own differential test and the app's (tests/integration/sanity/), which runs the
// site's real queries at a fixed clock.

export const asJson = (value: unknown) =>
  JSON.parse(JSON.stringify({ value }) ?? "null") as unknown;
export const refused = { refused: true };

/** Plain groq-js over `docs` (what the perspective shows), `now` as its clock when given. */
export async function oracleAnswer(
  docs: Doc[],
  query: string,
  params: Record<string, unknown>,
  now?: Date,
): Promise<unknown> {
  try {
    return asJson(await groqJsAnswer(docs, query, params, now));
  } catch {
    return refused;
  }
}

/** The engine's own path: prepareQuery, the view's indexes, narrowing and compiled filters. */
export async function engineAnswer(
  docs: Doc[],
  perspective: string,
  query: string,
  params: Record<string, unknown>,
  now?: Date,
): Promise<unknown> {
  const view = createViews(() => docs).get(perspective);
  const context = { params, identity: "", projectId: "local", dataset: "production", now };
  try {
    const { tree } = prepareQuery(query, params);
    try {
      return asJson(evaluateQuery(tree, view, context));
    } catch (error) {
      if (!(error instanceof NeedsAsyncEvaluation)) throw error;
      return asJson(await evaluateQueryAsync(tree, view, context));
    }
  } catch {
    return refused;
  }
}
