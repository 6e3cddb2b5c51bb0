// Tag revalidation that any instance triggers and every instance honours. Each Next cache in a
// process consults one tags manifest (next-internals.ts) before it answers; an instance that
// revalidates a tag writes the tag's new state to a Redis hash (what an instance starting, or
// reconnecting, reads in full) and publishes it (what running instances apply at once). States
// merge by taking the later time, so the order messages arrive in does not matter.
//
// A revalidation made while Redis is away is kept and sent when it is back: the instance that
// received the webhook serves the new content at once, the others as soon as Redis returns.
import type { CacheLink } from "./redis-link.ts";
import { tagsManifest, type TagState } from "./next-internals.ts";

const TAGS = "tags";
/** Longer than the link's longest reconnect delay (2 s), so that every instance is back. */
const RECONNECT_RESYNC_MS = 3_000;
const PERIODIC_RESYNC_MS = 30_000;
const started = new WeakSet<CacheLink>();
const unsent = new Map<string, TagState>();

/** Applies another instance's tag states to this process's manifest. */
export function mergeTagStates(states: Record<string, TagState>): void {
  for (const [tag, state] of Object.entries(states)) {
    const current = tagsManifest.get(tag) ?? {};
    const merged: TagState = { ...current };
    if (typeof state.stale === "number") merged.stale = Math.max(current.stale ?? 0, state.stale);
    if (typeof state.expired === "number") {
      merged.expired = Math.max(current.expired ?? 0, state.expired);
    }
    tagsManifest.set(tag, merged);
  }
}

/** Starts receiving other instances' revalidations (once per link). */
export function startTagSync(link: CacheLink): void {
  if (started.has(link)) return;
  started.add(link);
  const channel = link.key(TAGS);
  link.subscriber.on("message", (from: string, message: string) => {
    if (from !== channel) return;
    const parsed = parseMessage(message);
    if (parsed && parsed.instance !== link.instance) mergeTagStates(parsed.states);
  });
  // Subscribed once the connection is ready (a SUBSCRIBE sent before ioredis's own ready check
  // puts the connection in subscriber mode under it, and it fails); ioredis subscribes again
  // after each reconnect. Each time the subscription is (again) in place, everything stored is
  // read, which covers what was published while this instance was not listening.
  const subscribe = (): void => {
    link.subscriber.subscribe(channel).then(
      () => resync(link),
      () => setTimeout(subscribe, 1_000).unref(),
    );
  };
  let subscribed = false;
  const onSubscriberReady = () => {
    if (subscribed) return void resync(link);
    subscribed = true;
    subscribe();
  };
  link.subscriber.on("ready", onSubscriberReady);
  if (link.subscriber.status === "ready") onSubscriberReady();
  // On every (re)connect of the command connection: first what this instance could not send,
  // then everything stored, now and once more when other instances have had time to reconnect
  // and send theirs (a message published before this instance subscribed again is only in the
  // hash). And every 30 s, as a safety net for anything else missed.
  link.onReady(() => {
    void flush(link).then(() => resync(link));
    setTimeout(() => void resync(link), RECONNECT_RESYNC_MS).unref();
  });
  setInterval(() => {
    if (link.isReady()) void resync(link);
  }, PERIODIC_RESYNC_MS).unref();
}

/** Shares the current states of `tags` (just revalidated in this process) with every instance. */
export async function shareTags(link: CacheLink, tags: readonly string[]): Promise<void> {
  for (const tag of tags) {
    const state = tagsManifest.get(tag);
    if (state) unsent.set(tag, { ...state });
  }
  if (link.isReady()) await flush(link);
}

async function flush(link: CacheLink): Promise<void> {
  if (unsent.size === 0) return;
  const states = Object.fromEntries(unsent);
  unsent.clear();
  try {
    const stored = Object.fromEntries(
      Object.entries(states).map(([tag, state]) => [tag, JSON.stringify(state)]),
    );
    await link.redis
      .multi()
      .hset(link.key(TAGS), stored)
      .publish(link.key(TAGS), JSON.stringify({ instance: link.instance, states }))
      .exec();
  } catch (error) {
    link.failed(error);
    // Kept, and sent again every second until Redis takes it (a reconnect also sends it).
    for (const [tag, state] of Object.entries(states)) {
      const later = unsent.get(tag);
      unsent.set(tag, later ?? state);
    }
    setTimeout(() => void retry(link), 1_000).unref();
  }
}

async function retry(link: CacheLink): Promise<void> {
  if (link.isReady()) await flush(link);
  else if (unsent.size > 0) setTimeout(() => void retry(link), 1_000).unref();
}

async function resync(link: CacheLink): Promise<void> {
  await flush(link);
  try {
    const stored = await link.redis.hgetall(link.key(TAGS));
    const states: Record<string, TagState> = {};
    for (const [tag, json] of Object.entries(stored)) {
      const state = parseState(json);
      if (state) states[tag] = state;
    }
    mergeTagStates(states);
  } catch {
    // Slow or gone: again in a second while connected (the next ready event covers the rest).
    if (link.isReady()) setTimeout(() => void resync(link), 1_000).unref();
  }
}

function parseMessage(
  message: string,
): { instance: string; states: Record<string, TagState> } | null {
  try {
    const value = JSON.parse(message) as { instance?: unknown; states?: unknown };
    if (typeof value.instance !== "string" || !value.states || typeof value.states !== "object") {
      return null;
    }
    const states: Record<string, TagState> = {};
    for (const [tag, raw] of Object.entries(value.states as Record<string, unknown>)) {
      const state = toState(raw);
      if (state) states[tag] = state;
    }
    return { instance: value.instance, states };
  } catch {
    return null;
  }
}

function parseState(json: string): TagState | null {
  try {
    return toState(JSON.parse(json));
  } catch {
    return null;
  }
}

function toState(raw: unknown): TagState | null {
  if (!raw || typeof raw !== "object") return null;
  const { stale, expired } = raw as Record<string, unknown>;
  const state: TagState = {};
  if (typeof stale === "number" && Number.isFinite(stale)) state.stale = stale;
  if (typeof expired === "number" && Number.isFinite(expired)) state.expired = expired;
  return state;
}
