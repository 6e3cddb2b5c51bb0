// Next's route cache: prerendered pages and route handlers.
// It is Next's own file-system cache (memory, then the build's files on disk) with two changes:
//
// - An entry is dated when its request began, not when it was written. Next dates a page it
//   writes at the moment of writing, so a render that was under way when one of its tags was
//   revalidated (a post deleted while the home page rendered from the list before) was kept as
//   newer than the revalidation: stale, and served as fresh until the next change or the hourly
//   revalidate. Next dates its 'use cache' entries when they begin; this does the same for pages.
//   A handler is made per request (Next's incremental cache is), so its birth is the request's.
// - With REDIS_URL set it is shared: a page this instance has no fresh copy of is taken from
//   Redis when another instance rendered it after the last revalidation of its tags, and every
//   page rendered here is put there. Revalidating a tag here reaches every instance
//   (shared-tags.ts). With Redis away it is exactly the cache without Redis.
//
// It is installed by scripts/site-server.ts (installRouteCache) where Next looks for a
// process-wide route cache, not named as next.config.ts's `cacheHandler`: configured there, Next
// imports the module afresh on every request, which cost a cached article 7% (a CPU profile put
// 8% of the server's busy time in those imports).
import { utimes } from "node:fs/promises";
import { serialize, deserialize } from "node:v8";
import { FileSystemCache, areTagsExpired } from "./next-internals.ts";
import { cacheLink, type CacheLink } from "./redis-link.ts";
import { shareTags, startTagSync } from "./shared-tags.ts";

type Args = ConstructorParameters<typeof FileSystemCache>;
type GetArgs = Parameters<InstanceType<typeof FileSystemCache>["get"]>;
type SetArgs = Parameters<InstanceType<typeof FileSystemCache>["set"]>;
type Stored = NonNullable<Awaited<ReturnType<InstanceType<typeof FileSystemCache>["get"]>>>;
type Value = NonNullable<SetArgs[1]>;

/** Pages and route handlers: dated by their request, and shared. Fetch and image entries are
 * left as Next keeps them, per instance. */
const ROUTE_KINDS = new Set(["APP_PAGE", "APP_ROUTE"]);
/** The longest a rendered page is kept in Redis; Next re-renders a page missing from it. */
const MAX_TTL_SECONDS = 7 * 24 * 60 * 60;
const TAGS_HEADER = "x-next-cache-tags";

/** Next's in-memory layer (a private static of its file-system cache). */
const memory = () =>
  (
    FileSystemCache as unknown as {
      memoryCache?: { get(key: string): Stored | undefined; set(key: string, entry: Stored): void };
    }
  ).memoryCache;

/** By kind, the file whose modification time Next takes as an entry's date when it reads it from
 * disk. */
const DATED_SUFFIX: Record<string, string | undefined> = { APP_PAGE: ".html", APP_ROUTE: ".body" };

/** Where Next's incremental cache looks for a route cache when next.config.ts names none. */
const PROCESS_HANDLERS = Symbol.for("@next/cache-handlers");

/**
 * Makes `handler` the route cache of every request this process serves. Call it before Next
 * starts; Next's 'use cache' handlers are unaffected (with the symbol set and no DefaultCache,
 * Next makes its own default, as it does without it).
 */
export function installRouteCache(handler: typeof FileSystemCache): void {
  const holder = globalThis as { [PROCESS_HANDLERS]?: Record<string, unknown> };
  holder[PROCESS_HANDLERS] = { ...holder[PROCESS_HANDLERS], FetchCache: handler };
}

export default class RouteCache extends FileSystemCache {
  private readonly link: CacheLink | null;
  private readonly flushesToDisk: boolean;
  /** When this handler's request began (a millisecond early, as the tags' clocks round): no
   * render it writes can have read anything earlier. */
  private readonly startedAt = Date.now() - 1;

  constructor(...[ctx]: Args) {
    const link = cacheLink();
    // Shared, Redis is where renders are kept: writing them to this instance's disk too would
    // only leave copies there that no other instance reads and that outlive a revalidation.
    super(link ? { ...ctx, flushToDisk: false } : ctx);
    this.link = link;
    this.flushesToDisk = !link && Boolean(ctx.flushToDisk);
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
    if (local || !this.link?.isReady() || !ROUTE_KINDS.has(ctx.kind)) return local;
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
    if (!value || !ROUTE_KINDS.has(value.kind)) return;
    const entry: Stored = { lastModified: this.startedAt, value };
    await this.dateLocalCopies(key, entry);
    if (!this.link?.isReady()) return;
    const expire = "cacheControl" in ctx ? ctx.cacheControl?.expire : undefined;
    const ttl = Math.min(
      typeof expire === "number" && expire > 0 ? expire : MAX_TTL_SECONDS,
      MAX_TTL_SECONDS,
    );
    const link = this.link;
    await link.redis
      .set(routeKey(this.link, key), serialize(entry), "EX", Math.ceil(ttl))
      .catch(link.failed);
  }

  /** Dates the copies Next just wrote (memory, and disk without Redis) by the request's start. */
  private async dateLocalCopies(key: string, entry: Stored): Promise<void> {
    const store = memory();
    if (store?.get(key)?.value === entry.value) store.set(key, entry);
    const kind = entry.value?.kind;
    const suffix = kind ? DATED_SUFFIX[kind] : undefined;
    if (!this.flushesToDisk || !kind || !suffix) return;
    const file = (
      this as unknown as { getFilePath(path: string, kind: string): string }
    ).getFilePath(`${key}${suffix}`, kind);
    const at = new Date(this.startedAt);
    // Two requests writing one page at once may each date the other's file: by the earlier start,
    // which only makes the page expire sooner.
    await utimes(file, at, at).catch(() => undefined);
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
