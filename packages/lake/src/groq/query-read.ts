import type { QueryContext } from "./groq.ts";
import { queryLimitError } from "../model/query-limits.ts";
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

/**
 * The result as JSON, refused (400) past `maxBytes` — measured before it is written, so a result
 * that would be gigabytes (three nested `*` projections) is refused without building its text.
 */
export function serializeResult(result: unknown, maxBytes: number): string {
  const tooLarge = () =>
    queryLimitError(
      "resultSize",
      `The query's result is larger than the lake's limit of ${maxBytes} bytes (LAKE_QUERY_MAX_RESULT_MB); project fewer fields or slice the results`,
    );
  if (estimatedJsonSize(result, maxBytes) > maxBytes) throw tooLarge();
  const json = JSON.stringify(result) ?? "null";
  if (json.length * 3 > maxBytes && Buffer.byteLength(json) > maxBytes) throw tooLarge();
  return json;
}

/** A lower bound of the JSON size of `value` (escapes ignored), counted up to just past `stopAbove`. */
function estimatedJsonSize(value: unknown, stopAbove: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && size <= stopAbove) {
    const current = stack.pop();
    if (typeof current === "string") size += current.length + 2;
    else if (typeof current === "number") size += 1;
    else if (current === null || typeof current === "boolean") size += 4;
    else if (Array.isArray(current)) {
      size += 1 + Math.max(1, current.length);
      for (const item of current) stack.push(item);
    } else if (typeof current === "object") {
      let keys = 0;
      for (const [key, item] of Object.entries(current as object)) {
        if (item === undefined) continue;
        size += key.length + 3;
        keys++;
        stack.push(item);
      }
      size += 1 + Math.max(1, keys);
    }
  }
  return size;
}
