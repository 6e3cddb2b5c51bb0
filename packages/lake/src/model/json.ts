import { badRequest } from "./errors.ts";

/**
 * How deeply JSON from a client may nest (objects and arrays). JSON.parse reads any depth, but
 * JSON.stringify, structuredClone and every recursive walk overflow the stack at a few thousand
 * levels; hosted Sanity allows 20 levels of attributes in a document.
 */
export const MAX_JSON_DEPTH = 100;

/** True when `value` nests objects and arrays more than `max` levels deep (checked without recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current))
      if (child !== null && typeof child === "object")
        stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** JSON from a client (`what`: "body", "on line 3"): a 400 for malformed or too deeply nested input. */
export function parseClientJson(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(
      `Malformed JSON ${what}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH))
    throw badRequest(
      `The JSON ${what} nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep`,
    );
  return value;
}
