// The one Redis connection pair a site process shares its caches through (REDIS_URL): commands
// on one, tag invalidations received on the other. Next loads the cache handlers (next.config.ts)
// as plain modules at run time, outside its bundles, so this is plain Node (relative imports).
//
// Redis is a cache, never a dependency of a page: no command is queued while it is away (it
// fails at once and the page is served from this process's own cache), none waits longer than
// REDIS_TIMEOUT_MS, a timeout pauses sharing for a few seconds (so a slow Redis costs a page one
// timeout, not one per lookup), and the client reconnects by itself. Going away and coming back are each
// logged once.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { parseEnv } from "../env-schema.ts";

export interface CacheLink {
  /** Commands: fail at once while Redis is away, and after REDIS_TIMEOUT_MS when it is slow. */
  readonly redis: Redis;
  /** Receives what other instances publish; it has a connection of its own. */
  readonly subscriber: Redis;
  /** Keys and channels all start with REDIS_KEY_PREFIX. */
  key(name: string): string;
  /** This process, so that it can ignore what it published itself. */
  readonly instance: string;
  /** Connected, and not in the pause that follows a command that timed out. */
  isReady(): boolean;
  /**
   * Tells the link a command failed; the lookup is a miss (null). A timeout (a slow Redis)
   * pauses sharing for a few seconds, so that a page costs at most one REDIS_TIMEOUT_MS, not one
   * per cache lookup it makes. Needs no `this`: pass it to `.catch` as it is.
   */
  failed: (error: unknown) => null;
  /** Runs `listener` each time the command connection is (again) ready. */
  onReady(listener: () => void): void;
  close(): Promise<void>;
}

/** How long sharing pauses after a command timed out. */
const SLOW_PAUSE_MS = 5_000;

const slot = Symbol.for("daily-insight.cache-link");
type Slot = { [slot]?: CacheLink | null };

/** The process's link, or null when no REDIS_URL is set (and always inside `next build`). */
export function cacheLink(): CacheLink | null {
  const holder = globalThis as Slot;
  if (holder[slot] === undefined) holder[slot] = openLink();
  return holder[slot];
}

function openLink(): CacheLink | null {
  const env = parseEnv(process.env);
  // The build never shares a cache: lib/build-env.ts keeps REDIS_URL from it in any case.
  if (!env.REDIS_URL || env.NEXT_PHASE === "phase-production-build") return null;
  const options = {
    commandTimeout: env.REDIS_TIMEOUT_MS,
    connectTimeout: Math.max(1_000, env.REDIS_TIMEOUT_MS),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Reconnect for ever, at most every 2 s.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
  const redis = new Redis(env.REDIS_URL, { ...options, connectionName: "daily-insight-cache" });
  // The subscription is off every request's path, so it waits as long as it takes: queued until
  // connected, no timeout (a timed-out SUBSCRIBE would leave the connection not listening), and
  // ioredis subscribes again after each reconnect.
  const subscriber = new Redis(env.REDIS_URL, {
    connectTimeout: options.connectTimeout,
    retryStrategy: options.retryStrategy,
  });
  const readyListeners: Array<() => void> = [];
  let up = false;
  let pausedUntil = 0;
  let reported: "up" | "down" | null = null;
  const report = (state: "up" | "down", detail: string) => {
    if (reported === state) return;
    // The first "up" is quiet; a first "down" is worth a line, so is every change after.
    if (reported !== null || state === "down") console.warn(`cache: ${detail}`);
    reported = state;
  };
  redis.on("ready", () => {
    up = true;
    report("up", "Redis is back; the cache is shared again");
    for (const listener of readyListeners) listener();
  });
  const down = (error?: Error) => {
    up = false;
    report(
      "down",
      `Redis at ${describe(env.REDIS_URL!)} is unreachable${error ? ` (${error.message})` : ""}; ` +
        "serving from this instance's own cache until it is back",
    );
  };
  redis.on("error", down);
  redis.on("close", () => down());
  // Its errors are the same outage, already reported through the command connection.
  subscriber.on("error", () => undefined);
  return {
    redis,
    subscriber,
    key: (name) => `${env.REDIS_KEY_PREFIX}${name}`,
    instance: randomUUID(),
    isReady: () => up && performance.now() >= pausedUntil,
    failed: (error) => {
      if (!(error instanceof Error) || !/timed? ?out/i.test(error.message)) return null;
      if (performance.now() >= pausedUntil) {
        console.warn(
          `cache: Redis answered nothing within ${env.REDIS_TIMEOUT_MS} ms; ` +
            `serving without it for ${SLOW_PAUSE_MS / 1000} s`,
        );
      }
      pausedUntil = performance.now() + SLOW_PAUSE_MS;
      return null;
    },
    onReady(listener) {
      readyListeners.push(listener);
      if (up) listener();
    },
    async close() {
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}

/** host:port of a Redis URL, never its password. */
function describe(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return `${hostname}:${port || "6379"}`;
  } catch {
    return "(an unparseable URL)";
  }
}
