import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  BudgetExceeded,
  guardArray,
  runWithin,
  setBudgetClock,
  unbudgeted,
} from "../src/groq/query-budget.ts";

const NODE = path.resolve(import.meta.dirname, "../../../node_modules/.bin/node");

// The time budget of a synchronous evaluation, on a clock the test moves itself.
let now = 0;
let restore: (() => number) | undefined;
afterEach(() => {
  if (restore) setBudgetClock(restore);
  restore = undefined;
});
const fakeClock = () => {
  now = 0;
  restore = setBudgetClock(() => now);
};

/** Iterates a guarded array, the clock moving `stepMs` per element. */
const walk = (length: number, stepMs: number) => {
  let seen = 0;
  for (const _ of guardArray(Array.from({ length }, (_, i) => i))) {
    now += stepMs;
    seen++;
  }
  return seen;
};

describe("query time budgets", () => {
  it("stops iterating a guarded array once the budget has run out, and not before", () => {
    fakeClock();
    expect(runWithin(100, false, () => walk(90, 1))).toBe(90);
    fakeClock();
    expect(() => runWithin(100, false, () => walk(1000, 1))).toThrow(BudgetExceeded);
    // Outside a budget nothing is checked.
    expect(walk(1000, 1)).toBe(1000);
  });

  it("charges no query for shared work such as building a view's index", () => {
    fakeClock();
    const result = runWithin(100, false, () => {
      unbudgeted(() => {
        now += 10_000;
        return walk(50, 1);
      });
      return walk(50, 1);
    });
    expect(result).toBe(50);
    fakeClock();
    expect(() =>
      runWithin(100, false, () => {
        now += 10_000;
        return walk(50, 1);
      }),
    ).toThrow(BudgetExceeded);
  });

  it("terminates work that passes no checkpoint when the limit is hard, and goes on", () => {
    expect(() =>
      runWithin(20, true, () => {
        for (;;) {
          // Spins without ever iterating a guarded array.
        }
      }),
    ).toThrow(BudgetExceeded);
    expect(runWithin(1000, true, () => 42)).toBe(42);
    expect(runWithin(1000, false, () => walk(10, 0))).toBe(10);
  });
});

describe("guarded arrays", () => {
  it("leave every other array in the process on V8's fast path", () => {
    // In a fresh process: spreading a plain array, before and after guarding another one. An own
    // Symbol.iterator on any array instance makes V8 drop the fast path process-wide (~50×).
    const script = `
      import { guardArray } from ${JSON.stringify(new URL("../src/groq/query-budget.ts", import.meta.url).href)};
      const plain = Array.from({ length: 10_000 }, (_, i) => ({ n: i }));
      const spread = () => { const t = performance.now(); for (let i = 0; i < 300; i++) [...plain]; return performance.now() - t; };
      for (let i = 0; i < 5; i++) spread();
      const before = Math.min(spread(), spread(), spread());
      guardArray(plain.slice(0, 10)).map((x) => x);
      const after = Math.min(spread(), spread(), spread());
      console.log(JSON.stringify({ before, after }));
    `;
    const child = spawnSync(NODE, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    const { before, after } = JSON.parse(child.stdout) as { before: number; after: number };
    expect(after / before).toBeLessThan(5);
  });

  it("are arrays to groq-js and JSON, and give plain arrays when sliced or mapped", () => {
    const guarded = guardArray([1, 2, 3]);
    expect(Array.isArray(guarded)).toBe(true);
    expect(JSON.stringify(guarded)).toBe("[1,2,3]");
    expect([...guarded]).toEqual([1, 2, 3]);
    expect(Object.getPrototypeOf(guarded.slice(1))).toBe(Array.prototype);
    expect(Object.getPrototypeOf(guarded.map((x) => x))).toBe(Array.prototype);
  });
});
