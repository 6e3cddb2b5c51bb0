import { parse } from "groq-js";
import { describe, expect, it } from "vitest";
import type { Node } from "../src/groq/groq-ast.ts";
import { compilePredicate } from "../src/groq/groq-compile.ts";
import { bindClock, evaluateQuery } from "../src/groq/groq.ts";
import { createViews } from "../src/groq/views.ts";
import type { Doc } from "../src/model/types.ts";

// now() in a filter (`publishedAt <= now()`: whether a scheduled post's time has come) is one
// instant per query, the one groq-js is given, so the compiled filter and groq-js agree.

const docs = [
  { _id: "past", _type: "post", publishedAt: "2026-01-16T13:00:00.000Z" },
  { _id: "future", _type: "post", publishedAt: "2999-01-01T00:00:00.000Z" },
  { _id: "undated", _type: "post" },
] as unknown as Doc[];
const view = createViews(() => docs).get("raw");
const context = { params: {}, identity: "", projectId: "local", dataset: "production" };
const filterOf = (query: string) => (parse(query) as unknown as { expr: Node }).expr;

describe("now() in a query", () => {
  it("makes a filter the lake can compile once bound to the query's instant", () => {
    const query = '*[_type == "post" && publishedAt <= now()]';
    expect(compilePredicate(filterOf(query), view)).toBeUndefined();
    const bound = bindClock(parse(query), new Date()) as unknown as { expr: Node };
    expect(compilePredicate(bound.expr, view)).toBeDefined();
  });

  it("is the same instant everywhere in one query, and filters by it", () => {
    const answer = evaluateQuery(
      parse(`{
        "now": now(),
        "inner": *[_id == "past"][0]{ "now": now() }.now,
        "live": *[_type == "post" && publishedAt <= now()]._id,
        "scheduled": *[_type == "post" && publishedAt > now()]._id
      }`),
      view,
      context,
    ) as Record<string, unknown>;
    expect(answer.inner).toBe(answer.now);
    expect(Math.abs(Date.parse(String(answer.now)) - Date.now())).toBeLessThan(5_000);
    expect(answer.live).toEqual(["past"]);
    expect(answer.scheduled).toEqual(["future"]);
  });

  it("is the context's instant when one is given, in compiled filters too", () => {
    const answer = evaluateQuery(
      parse(`{ "now": now(), "live": *[_type == "post" && publishedAt <= now()]._id }`),
      view,
      { ...context, now: new Date("2026-01-16T12:00:00.000Z") },
    ) as Record<string, unknown>;
    expect(answer.now).toBe("2026-01-16T12:00:00.000Z");
    expect(answer.live).toEqual([]);
  });
});
