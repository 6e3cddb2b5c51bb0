// Next's route cache (`cacheHandler` in next.config.ts: prerendered pages and route handlers),
// shared through Redis when REDIS_URL is set. It is Next's own file-system cache (memory, then
// the build's files on disk) with Redis beside it: a page this instance has no fresh copy of is
// taken from Redis when another instance rendered it after the last revalidation of its tags,
// and every page rendered here is put there. Revalidating a tag here reaches every instance
// (shared-tags.ts). With Redis away it is exactly Next's own cache.
import { serialize, deserialize } from "node:v8";
import { FileSystemCache, areTagsExpired } from "./next-internals.ts";
import { cacheLink, type CacheLink } from "./redis-link.ts";
import { shareTags, startTagSync } from "./shared-tags.ts";

type Args = ConstructorParameters<typeof FileSystemCache>;
type GetArgs = Parameters<InstanceType<typeof FileSystemCache>["get"]>;
type SetArgs = Parameters<InstanceType<typeof FileSystemCache>["set"]>;
type Stored = NonNullable<Awaited<ReturnType<InstanceType<typeof FileSystemCache>["get"]>>>;
type Value = NonNullable<SetArgs[1]>;

/** Pages and route handlers; fetch and image entries stay per instance. */
const SHARED_KINDS = new Set(["APP_PAGE", "APP_ROUTE"]);
/** The longest a rendered page is kept in Redis; Next re-renders a page missing from it. */
const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;
const TAGS_HEADER = "x-next-cache-tags";

/** Next's in-memory layer (a private static of its file-system cache). */
const memory = () =>
  (FileSystemCache as unknown as { memoryCache?: { set(key: string, entry: Stored): void } })
    .memoryCache;

export default class SharedIncrementalCache extends FileSystemCache {
  private readonly link: CacheLink | null;

  constructor(...[ctx]: Args) {
    const link = cacheLink();
    // Shared, Redis is where renders are kept: writing them to this instance's disk too would
    // only leave copies there that no other instance reads and that outlive a revalidation.
    super(link ? { ...ctx, flushToDisk: false } : ctx);
    this.link = link;
    if (this.link) startTagSync(this.link);
  }

  override async revalidateTag(
    ...args: Parameters<InstanceType<typeof FileSystemCache>["revalidateTag"]>
  ) {
    await super.revalidateTag(...args);
    const [tags] = args;
    if (this.link) await shareTags(this.link, typeof tags === "string" ? [tags] : tags);
  }

  override async get(...args: GetArgs) {
    const local = await super.get(...args);
    const [key, ctx] = args;
    if (local || !this.link?.isReady() || !SHARED_KINDS.has(ctx.kind)) return local;
    const link = this.link;
    const stored = await link.redis.getBuffer(routeKey(this.link, key)).catch(link.failed);
    const entry = stored ? decode(stored) : null;
    if (!entry || isExpired(entry)) return null;
    memory()?.set(key, entry);
    return entry;
  }

  override async set(...args: SetArgs) {
    await super.set(...args);
    const [key, value, ctx] = args;
    if (!value || !SHARED_KINDS.has(value.kind) || !this.link?.isReady()) return;
    const expire = "cacheControl" in ctx ? ctx.cacheControl?.expire : undefined;
    const ttl = Math.min(
      typeof expire === "number" && expire > 0 ? expire : MAX_TTL_SECONDS,
      MAX_TTL_SECONDS,
    );
    const entry: Stored = { lastModified: Date.now(), value };
    const link = this.link;
    await link.redis
      .set(routeKey(this.link, key), serialize(entry), "EX", Math.ceil(ttl))
      .catch(link.failed);
  }
}

const routeKey = (link: CacheLink, key: string) => link.key(`route:${key}`);

/** Entries are written by instances of one build on one Node version: V8's own format. */
function decode(stored: Buffer): Stored | null {
  try {
    const entry = deserialize(stored) as Stored;
    return entry && typeof entry.lastModified === "number" && entry.value ? entry : null;
  } catch {
    return null;
  }
}

/** As Next's own cache decides: a tag revalidated since the entry was made expires it. */
function isExpired(entry: Stored): boolean {
  const value = entry.value as Value & { headers?: Record<string, unknown> };
  const tags = value.headers?.[TAGS_HEADER];
  return typeof tags === "string" && areTagsExpired(tags.split(","), entry.lastModified ?? 0);
}
