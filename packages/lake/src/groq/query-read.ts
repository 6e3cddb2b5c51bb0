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
  const stack: unknown[] = [];
  let size = scalarSize(value, stack);
  while (stack.length > 0 && size <= stopAbove) {
    const current = stack.pop() as object;
    if (Array.isArray(current)) {
      size += 1 + Math.max(1, current.length);
      for (let i = 0; i < current.length; i++) size += scalarSize(current[i], stack);
    } else {
      let keys = 0;
      for (const key in current) {
        if (!Object.hasOwn(current, key)) continue;
        const item = (current as Record<string, unknown>)[key];
        if (item === undefined) continue;
        size += key.length + 3 + scalarSize(item, stack);
        keys++;
      }
      size += 1 + Math.max(1, keys);
    }
  }
  return size;
}

/** The size of a string, number, boolean or null; an array or object is left on `stack` (0 now). */
function scalarSize(value: unknown, stack: unknown[]): number {
  if (typeof value === "string") return value.length + 2;
  if (typeof value === "number") return 1;
  if (value === null || typeof value === "boolean") return 4;
  if (typeof value === "object") stack.push(value);
  return 0;
}
