// Next's 'use cache' entries (`cacheHandlers` in next.config.ts), shared through Redis when
// REDIS_URL is set. Next's own in-memory handler answers first; an entry it does not have is
// taken from Redis if it is still within its lifetime and none of its tags was revalidated since
// it was made, and every entry made here is put there. Revalidating a tag here reaches every
// instance (shared-tags.ts). With Redis away it is exactly Next's own handler.
import { serialize, deserialize } from "node:v8";
import {
  areTagsExpired,
  createDefaultCacheHandler,
  type UseCacheEntry,
  type UseCacheHandler,
} from "./next-internals.ts";
import { cacheLink } from "./redis-link.ts";
import { shareTags, startTagSync } from "./shared-tags.ts";

/** Next's default for its in-memory 'use cache' handler. */
const MEMORY_BYTES = 50 * 1024 * 1024;
const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;

type Stored = Omit<UseCacheEntry, "value"> & { bytes: Uint8Array };

const local = createDefaultCacheHandler(MEMORY_BYTES);
const link = cacheLink();
if (link) startTagSync(link);
const dataKey = (key: string) => link!.key(`data:${key}`);

const handler: UseCacheHandler = {
  async get(cacheKey, softTags) {
    const hit = await local.get(cacheKey, softTags);
    if (hit || !link?.isReady()) return hit;
    const stored = await link.redis.getBuffer(dataKey(cacheKey)).catch(link.failed);
    const entry = stored ? decode(stored) : null;
    if (!entry) return undefined;
    const now = Date.now();
    if (now > entry.timestamp + entry.revalidate * 1000) return undefined;
    if (areTagsExpired(entry.tags, entry.timestamp)) return undefined;
    const { bytes, ...meta } = entry;
    await local.set(cacheKey, Promise.resolve({ ...meta, value: streamOf(bytes) }));
    return local.get(cacheKey, softTags);
  },

  async set(cacheKey, pendingEntry) {
    let shared: UseCacheEntry | undefined;
    // One copy of the stream for Next's handler (which must see the pending set at once), one
    // for Redis.
    const forLocal = pendingEntry.then((entry) => {
      const [mine, theirs] = entry.value.tee();
      shared = { ...entry, value: theirs };
      return { ...entry, value: mine };
    });
    await local.set(cacheKey, forLocal);
    // Dynamic entries (expire 0) are never kept, here or there.
    if (!shared || shared.expire <= 0 || !link?.isReady()) return;
    const { value, ...meta } = shared;
    const bytes = await new Response(value).arrayBuffer().catch(() => null);
    if (!bytes) return;
    const ttl = Math.min(shared.expire, MAX_TTL_SECONDS);
    const stored: Stored = { ...meta, bytes: new Uint8Array(bytes) };
    await link.redis
      .set(dataKey(cacheKey), serialize(stored), "EX", Math.ceil(ttl))
      .catch(link.failed);
  },

  // Pushed, not pulled: other instances' revalidations arrive as they happen (shared-tags.ts).
  refreshTags: () => local.refreshTags(),

  getExpiration: (tags) => local.getExpiration(tags),

  async updateTags(tags, durations) {
    await local.updateTags(tags, durations);
    if (link) await shareTags(link, tags);
  },
};

export default handler;

function decode(stored: Buffer): Stored | null {
  try {
    const entry = deserialize(stored) as Stored;
    return entry && entry.bytes instanceof Uint8Array && Array.isArray(entry.tags) ? entry : null;
  } catch {
    return null;
  }
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
