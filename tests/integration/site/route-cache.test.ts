import { mkdtemp, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import RouteCache from "../../../lib/cache/incremental-cache-handler.ts";
import { tagsManifest } from "../../../lib/cache/next-internals.ts";

// The site's route cache (lib/cache/incremental-cache-handler.ts) without Redis, as `next start`
// makes it: one handler per request, on a build folder's disk. A page is dated by when its
// request began, so a render under way when one of its tags was revalidated is expired at once;
// Next's own cache dated it by the moment of writing and kept it as newer than the change.
// tests/e2e/revalidation-race.spec.ts shows the same through a production server.

const require = createRequire(import.meta.url);
const { nodeFs } = require("next/dist/server/lib/node-fs-methods.js") as {
  nodeFs: ConstructorParameters<typeof RouteCache>[0]["fs"];
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "route-cache-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The handler Next makes for one request. */
const forRequest = () =>
  new RouteCache({
    fs: nodeFs,
    serverDistDir: dir,
    flushToDisk: true,
    revalidatedTags: [],
    maxMemoryCacheSize: 50 * 1024 * 1024,
    dev: false,
    _requestHeaders: {},
  });

type PageValue = NonNullable<Parameters<RouteCache["set"]>[1]>;

/** A rendered page, as Next hands it to the cache (its tags in the header Next reads them from). */
const page = (html: string, tag: string) =>
  ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(html),
    headers: { "x-next-cache-tags": `${tag},_N_T_/` },
    postponed: undefined,
    status: 200,
    segmentData: undefined,
  }) as unknown as PageValue;

const pageContext = {
  isRoutePPREnabled: false,
  isFallback: false,
  cacheControl: { revalidate: 3600, expire: 31_536_000 },
} as const;

const read = (key: string) =>
  forRequest().get(key, { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never);

// Longer than the file system's clock step (a few ms), so a file written after it is dated after it.
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Revalidates `tag` as /api/revalidate does ({ expire: 0 }); returns when. */
async function revalidate(tag: string): Promise<number> {
  await forRequest().revalidateTag([tag], { expire: 0 });
  return tagsManifest.get(tag)!.expired!;
}

describe("the route cache", () => {
  it("expires a page whose render began before one of its tags was revalidated", async () => {
    const tag = `posts-${Date.now()}`;
    const rendering = forRequest();
    await tick();
    const revalidatedAt = await revalidate(tag);
    await tick();
    // The render finishes after the revalidation, with what it read before it.
    await rendering.set("/raced", page("<p>with the deleted post</p>", tag), pageContext as never);

    expect(await read("/raced")).toBeNull();
    const { mtime } = await stat(path.join(dir, "app", "raced.html"));
    expect(mtime.getTime()).toBeLessThan(revalidatedAt);
  });

  it("keeps a page whose request began after the revalidation", async () => {
    const tag = `posts-${Date.now()}-after`;
    await revalidate(tag);
    await tick();
    const rendering = forRequest();
    await rendering.set("/fresh", page("<p>without it</p>", tag), pageContext as never);

    const entry = await read("/fresh");
    expect(entry?.value).toMatchObject({ kind: "APP_PAGE", html: "<p>without it</p>" });
  });

  it("dates the file it writes on disk by its request's start, which Next reads when memory has lost it", async () => {
    const tag = `posts-${Date.now()}-disk`;
    const rendering = forRequest();
    const began = Date.now();
    await tick();
    await rendering.set("/dated", page("<p>dated</p>", tag), pageContext as never);
    const { mtime } = await stat(path.join(dir, "app", "dated.html"));
    expect(mtime.getTime()).toBeLessThanOrEqual(began);
    expect(mtime.getTime()).toBeGreaterThan(began - 1_000);
  });
});
