import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { latestPostsQuery } from "../../lib/sanity/queries.ts";
import { expect, test } from "./fixtures.ts";
import { productionSiteEnv, startSiteProcess, type SiteProcess } from "./site-env.ts";
import { randomToken, startTestLake, type TestLake } from "../support/lake.ts";
import { startLakeTap, type LakeTap } from "../support/lake-tap.ts";
import { freePort } from "../support/ports.ts";
import { startTestRedis, type TestRedis } from "../support/redis.ts";

// A page that was rendering when a change revalidated it must not be kept as newer than the
// change. The home page starts to render and reads the latest posts; the lake's answer is held
// back (a tap between the instance and the lake) while a post in it is deleted and the delete's
// webhook revalidates the list; then the answer goes on and the render finishes after the
// revalidation. Next dates a page it writes by the moment of writing, so it kept that page,
// deleted post and all, as fresh until the next publish or the hourly revalidate
// (lib/cache/incremental-cache-handler.ts dates it by its request's start). Once without Redis, as
// one server runs; once with two instances sharing it, the webhook reaching the other one.

const root = process.cwd();

interface Site {
  lake: TestLake;
  /** The instance that renders, reading the lake through `tap`. */
  renderer: SiteProcess;
  tap: LakeTap;
  stop(): Promise<void>;
}

/** An instance of the suite's build, as `npm start` runs it, on a lake of the test's own. */
async function startInstance(options: {
  port: number;
  lakePort: number;
  lake: TestLake;
  webhookSecret: string;
  redis?: { url: string; prefix: string };
}): Promise<{ site: SiteProcess; stop(): Promise<void> }> {
  const pgliteDir = await mkdtemp(path.join(os.tmpdir(), "race-pglite-"));
  const env = productionSiteEnv({
    sitePort: options.port,
    lakePort: options.lakePort,
    lakeDataDir: options.lake.dataDir,
    token: options.lake.token,
    webhookSecret: options.webhookSecret,
    studioApiHost: options.lake.lake.studioApiHost,
  });
  env.AUTH_SECRET = randomToken();
  env.LAKE_EMBEDDED = "0";
  env.PGLITE_DATA_DIR = pgliteDir;
  delete env.DATABASE_URL;
  if (options.redis) {
    env.REDIS_URL = options.redis.url;
    env.REDIS_KEY_PREFIX = options.redis.prefix;
  } else {
    delete env.REDIS_URL;
  }
  const site = await startSiteProcess([path.join(root, "scripts", "run-site.ts"), "start"], env);
  return {
    site,
    stop: async () => {
      await site.stop();
      await rm(pgliteDir, { recursive: true, force: true });
    },
  };
}

/**
 * A lake and the instance that renders, reading it through a tap; the lake's webhook goes to
 * that instance, or (`webhookToOther`) to a second instance sharing Redis with it.
 */
async function startSite({ redisUrl }: { redisUrl?: string } = {}): Promise<Site> {
  const [rendererPort, otherPort, lakePort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const webhookSecret = randomToken();
  const webhookPort = redisUrl ? otherPort : rendererPort;
  const redis = redisUrl
    ? { url: redisUrl, prefix: `race-${randomToken().slice(0, 8)}:` }
    : undefined;
  const lake = await startTestLake({
    seed: true,
    port: lakePort,
    webhookUrls: [`http://localhost:${webhookPort}/api/revalidate`],
    webhookSecret,
  });
  const tap = await startLakeTap(lakePort);
  const renderer = await startInstance({
    port: rendererPort,
    lakePort: tap.port,
    lake,
    webhookSecret,
    redis,
  });
  const other = redis
    ? await startInstance({ port: otherPort, lakePort, lake, webhookSecret, redis })
    : undefined;
  return {
    lake,
    renderer: renderer.site,
    tap,
    stop: async () => {
      await other?.stop();
      await renderer.stop();
      await tap.close();
      await lake.stop();
    },
  };
}

const SLICE = "[$start...$end]";
if (!latestPostsQuery.includes(SLICE)) throw new Error(`latestPostsQuery no longer has ${SLICE}`);

const text = async (url: string) => (await fetch(url)).text();

async function expectDeletedPostNotKept({ lake, renderer, tap }: Site) {
  const stamp = Date.now();
  const id = `race-${stamp}`;
  const slug = `race-${stamp}`;
  const feed = `${renderer.url}/feed.xml`;
  await lake.client.create({
    _id: id,
    _type: "post",
    title: `Race ${stamp}`,
    slug: { _type: "slug", current: slug },
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
    author: { _type: "reference", _ref: "author-daily-insight-desk" },
    summary: "First version.",
  });
  await expect.poll(() => text(`${renderer.url}/`), { timeout: 15_000 }).toContain(slug);

  await test.step("the home page starts to render, and reads the list with the post in it", async () => {
    // The home page's list is the one query with a `[$start...$end]` slice that it runs.
    const held = tap.holdNext(
      ({ url, body }) => url.includes("/data/query/") && `${url}${body}`.includes(SLICE),
    );
    // A change to the post revalidates the list: the next request renders the home page again.
    await lake.client.patch(id).set({ summary: "Second version." }).commit();
    await expect.poll(() => text(feed), { timeout: 15_000 }).toContain("Second version.");
    const rendering = text(`${renderer.url}/`);
    await held.answered;

    await test.step("the post is deleted, and the list revalidated, while the page renders", async () => {
      await lake.client.delete(id);
      // The feed lists the same posts under the same tag: once it has lost the post, the
      // revalidation has reached this instance.
      await expect.poll(() => text(feed), { timeout: 15_000 }).not.toContain(slug);
    });
    held.release();
    // The request began before the delete: it may show the post.
    await rendering;
  });

  await test.step("the next reader gets a page without the deleted post", async () => {
    await expect.poll(() => text(`${renderer.url}/`), { timeout: 5_000 }).not.toContain(slug);
  });
}

test("a page rendering while its content changed is not kept as newer than the change", async () => {
  test.setTimeout(120_000);
  const site = await startSite();
  try {
    await expectDeletedPostNotKept(site);
  } finally {
    await site.stop();
  }
});

test("nor is it in Redis, when the revalidation came through another instance", async () => {
  test.setTimeout(150_000);
  let redis: TestRedis | undefined;
  let site: Site | undefined;
  try {
    redis = await startTestRedis();
    site = await startSite({ redisUrl: redis.url });
    await expectDeletedPostNotKept(site);
  } finally {
    await site?.stop();
    await redis?.stop();
  }
});
