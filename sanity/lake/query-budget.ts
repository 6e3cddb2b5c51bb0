import vm from "node:vm";

// Time budgets for evaluations that run synchronously. groq-js offers no way to stop an
// evaluation, so the lake checks the clock from the points the evaluation passes through: the
// iteration of the dataset, of the candidate arrays the lake hands it and of parameters, and
// every dereference. A query whose per-element work could grow without passing those points (see
// inspectQuery) runs under a hard limit instead: V8 terminates it (node:vm's timeout), which
// costs a watchdog thread per run, so it is kept for those queries.

/** Thrown from inside an evaluation that ran past its budget. */
export class BudgetExceeded extends Error {
  constructor() {
    super("The evaluation ran past its time budget");
    this.name = "BudgetExceeded";
  }
}

let deadline = Number.POSITIVE_INFINITY;
let countdown = 0;
const CHECK_EVERY = 16;
let clock: () => number = () => performance.now();

/** Replaces the clock budgets are measured with (tests); returns the one it replaced. */
export function setBudgetClock(next: () => number): () => number {
  const previous = clock;
  clock = next;
  return previous;
}

/** Checks the clock every 16th call, while a budget is running. */
export function tickBudget(): void {
  if (deadline === Number.POSITIVE_INFINITY || --countdown > 0) return;
  countdown = CHECK_EVERY;
  if (clock() > deadline) throw new BudgetExceeded();
}

/**
 * Runs shared work that outlives the query (a view's index, built once for every later query)
 * with the budget's clock stopped: it is charged to no query, and cannot be cut off half-built.
 */
export function unbudgeted<T>(work: () => T): T {
  if (deadline === Number.POSITIVE_INFINITY) return work();
  const paused = deadline;
  const started = clock();
  deadline = Number.POSITIVE_INFINITY;
  try {
    return work();
  } finally {
    deadline = paused + (clock() - started);
  }
}

const guarded = new WeakSet<unknown[]>();

function checkedIteration(array: unknown[]): IterableIterator<unknown> {
  let index = 0;
  return {
    next() {
      tickBudget();
      return index < array.length
        ? { value: array[index++], done: false }
        : { value: undefined, done: true };
    },
    [Symbol.iterator]() {
      return this;
    },
  };
}

function guardedIterator(this: unknown[]): IterableIterator<unknown> {
  return checkedIteration(this);
}

/** Makes iterating `array` (owned by the caller: it is changed in place) check the budget. */
export function guardArray<T>(array: T[]): T[] {
  if (guarded.has(array)) return array;
  Object.defineProperty(array, Symbol.iterator, { value: guardedIterator, configurable: true });
  guarded.add(array);
  return array;
}

export const isGuarded = (array: unknown[]): boolean => guarded.has(array);

/** Guards every array inside freshly parsed parameters, in place (without recursion). */
export function guardParams(params: Record<string, unknown>): Record<string, unknown> {
  const stack: unknown[] = Object.values(params);
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) guardArray(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push(item);
  }
  return params;
}

const context = vm.createContext({ run: undefined as (() => unknown) | undefined });
const script = new vm.Script("run()");

/**
 * Runs `work` synchronously within `ms`: checked at the guarded points, or (`hard`) terminated by
 * V8 wherever it is. Throws BudgetExceeded past it.
 */
export function runWithin<T>(ms: number, hard: boolean, work: () => T): T {
  deadline = clock() + ms;
  countdown = CHECK_EVERY;
  try {
    if (!hard) return work();
    context.run = work;
    try {
      return script.runInContext(context, { timeout: Math.max(1, Math.ceil(ms)) }) as T;
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
        throw new BudgetExceeded();
      throw error;
    }
  } finally {
    // Also after a termination, which skips every finally inside `work`.
    deadline = Number.POSITIVE_INFINITY;
    context.run = undefined;
  }
}
