import { afterEach, describe, expect, it } from "vitest";
import {
  BudgetExceeded,
  guardArray,
  runWithin,
  setBudgetClock,
  unbudgeted,
} from "../../../sanity/lake/query-budget.ts";

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
