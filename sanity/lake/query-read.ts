import type { QueryContext } from "./groq.ts";
import { serializeResult } from "./query-limits.ts";
import { contentSourceMap } from "./source-map.ts";
import type { SourceMapMode } from "./source-map.ts";
import type { View } from "./views.ts";

// A read query as both threads run it: the main thread within its budget, the query worker past it.

export interface ReadRequest {
  datasetName: string;
  /** The perspective the caller may see (`public` for anonymous readers of `published`). */
  viewName: string;
  query: string;
  params: Record<string, unknown>;
  context: QueryContext;
  sourceMap?: SourceMapMode;
}

/** The result as JSON (and its Content Source Map), ready to be placed in the response. */
export interface ReadResult {
  resultJson: string;
  sourceMapJson?: string;
}

export function finishRead(
  result: unknown,
  view: View,
  request: ReadRequest,
  maxResultBytes: number,
): ReadResult {
  const resultJson = serializeResult(result, maxResultBytes);
  if (!request.sourceMap) return { resultJson };
  return {
    resultJson,
    sourceMapJson: JSON.stringify(contentSourceMap(result, view, request.sourceMap)),
  };
}
