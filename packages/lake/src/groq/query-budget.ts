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

/**
 * An array whose iteration checks the running budget. A subclass, not an own `Symbol.iterator`
 * on a plain array: V8 answers defining that on any array instance by dropping its fast path for
 * every `for…of` and spread in the process (about 50× slower spreads everywhere).
 */
class GuardedArray<T> extends Array<T> {
  // slice(), map(), filter() of a guarded array give plain arrays.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  override [Symbol.iterator](): ArrayIterator<T> {
    return checkedIterator(this) as unknown as ArrayIterator<T>;
  }
}

function checkedIterator<T>(array: readonly T[]): IterableIterator<T, undefined> {
  let index = 0;
  const iterator: IterableIterator<T, undefined> = {
    next() {
      tickBudget();
      return index < array.length
        ? { value: array[index++] as T, done: false }
        : { value: undefined, done: true };
    },
    [Symbol.iterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** A copy of `array` whose iteration checks the budget (the same array when it already does). */
export function guardArray<T>(array: readonly T[]): T[] {
  if (array instanceof GuardedArray) return array as T[];
  const copy = new GuardedArray<T>();
  for (let i = 0; i < array.length; i++) copy.push(array[i] as T);
  return copy;
}

export const isGuarded = (array: unknown[]): boolean => array instanceof GuardedArray;

/** Freshly parsed parameters with every array in them guarded (copied, without recursion). */
export function guardParams(params: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...params };
  const stack: Array<{ holder: Record<string, unknown> | unknown[]; key: string | number }> =
    Object.keys(copy).map((key) => ({ holder: copy, key }));
  while (stack.length > 0) {
    const { holder, key } = stack.pop() as { holder: Record<string, unknown>; key: string };
    const value = holder[key];
    if (value === null || typeof value !== "object") continue;
    const replaced: Record<string, unknown> | unknown[] = Array.isArray(value)
      ? guardArray(value)
      : { ...(value as Record<string, unknown>) };
    holder[key] = replaced;
    for (const inner of Object.keys(replaced)) stack.push({ holder: replaced, key: inner });
  }
  return copy;
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
