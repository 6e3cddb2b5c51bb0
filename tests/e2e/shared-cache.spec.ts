import { spawn } from "node:child_process";
import pg from "pg";
import { siteUrl } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { seedPost } from "./seed-post.ts";
import { productionSiteEnv, siteServerArgs, waitUntilServing } from "./site-env.ts";
import { assertLocalDatabaseUrl, testDatabaseUrl, withDatabase } from "../support/db-guard.ts";
import { randomToken, startTestLake, type TestLake } from "../support/lake.ts";
import { freePort } from "../support/ports.ts";
import { startTestRedis, type TestRedis } from "../support/redis.ts";

// Two production instances of the suite's build, as behind a load balancer: one Redis (a test
// server of its own), one Postgres database, one lake whose webhook reaches the first instance
// only. A publish must reach both within 2 s; with Redis stopped both keep answering, and
// when it is back what was published meanwhile reaches the second by itself.

const root = process.cwd();
const article = seedPost.path;

interface Instance {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

async function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, siteServerArgs(root), {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${env.PORT}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitUntilServing(`${url}/`, child, { timeoutMs: 60_000, output: () => output });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

/** Polls `url` until its HTML contains `text`; returns how long that took. */
async function timeUntilShown(url: string, text: string, since: number, limitMs: number) {
  for (;;) {
    const html = await (await fetch(url)).text();
    if (html.includes(text)) return Date.now() - since;
    if (Date.now() - since > limitMs) return Number.POSITIVE_INFINITY;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let redis: TestRedis;
let lake: TestLake;
let instances: Instance[] = [];
const database = `e2e_shared_cache_${randomToken()
  .slice(0, 8)
  .toLowerCase()
  .replace(/[^a-z0-9]/g, "x")}`;
const serverUrl = testDatabaseUrl();

test.beforeAll(async () => {
  test.setTimeout(180_000);
  assertLocalDatabaseUrl(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  redis = await startTestRedis();
  const [first, second, lakePort] = [await freePort(), await freePort(), await freePort()];
  const webhookSecret = randomToken();
  lake = await startTestLake({
    seed: true,
    port: lakePort,
    webhookUrls: [`http://localhost:${first}/api/revalidate`],
    webhookSecret,
  });
  const envFor = (port: number): NodeJS.ProcessEnv => {
    const env = productionSiteEnv({
      sitePort: port,
      lakePort,
      lakeDataDir: lake.dataDir,
      token: lake.token,
      webhookSecret,
      studioApiHost: lake.lake.studioApiHost,
    });
    // One site behind one address, as a load balancer presents it (and as the build named it).
    env.SITE_URL = siteUrl;
    env.AUTH_SECRET = randomToken();
    env.DATABASE_URL = withDatabase(serverUrl, database);
    env.REDIS_URL = redis.url;
    env.REDIS_KEY_PREFIX = `${database}:`;
    delete env.PGLITE_DATA_DIR;
    return env;
  };
  instances = [await startInstance(envFor(first)), await startInstance(envFor(second))];
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await lake?.stop();
  await redis?.stop();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
});

test("a publish reaches every instance through the shared cache, and survives Redis going away", async () => {
  test.setTimeout(120_000);
  const [first, second] = instances as [Instance, Instance];
  const pages = [article, "/", `/tickers/IWM`];

  await test.step("both instances serve the article from their own cache first", async () => {
    for (const instance of instances) {
      const html = await (await fetch(`${instance.url}${article}`)).text();
      expect(html).toContain(seedPost.title);
    }
  });

  await test.step("a title change reaches both within 2 s", async () => {
    const title = `Shared cache ${Date.now()}`;
    const since = Date.now();
    await lake.client.patch(seedPost.id).set({ title }).commit();
    const [onFirst, onSecond] = await Promise.all(
      instances.map((instance) => timeUntilShown(`${instance.url}${article}`, title, since, 5_000)),
    );
    test.info().annotations.push({
      type: "publish → visible",
      description: `${onFirst} ms on the instance the webhook reached, ${onSecond} ms on the other`,
    });
    expect(onFirst, first.output()).toBeLessThanOrEqual(2_000);
    expect(onSecond, second.output()).toBeLessThanOrEqual(2_000);
  });

  await test.step("with Redis stopped, every page still answers 200 on both", async () => {
    await redis.stop();
    for (let round = 0; round < 3; round++) {
      for (const instance of instances) {
        for (const page of pages) {
          const response = await fetch(`${instance.url}${page}`);
          expect(response.status, `${instance.url}${page}`).toBe(200);
        }
      }
    }
  });

  const duringOutage = `During the outage ${Date.now()}`;
  await test.step("a publish during the outage reaches the instance the webhook reached", async () => {
    const since = Date.now();
    await lake.client.patch(seedPost.id).set({ title: duringOutage }).commit();
    expect(
      await timeUntilShown(`${first.url}${article}`, duringOutage, since, 5_000),
    ).toBeLessThanOrEqual(2_000);
    expect((await fetch(`${second.url}${article}`)).status).toBe(200);
  });

  await test.step("when Redis is back, the other instance catches up by itself", async () => {
    await redis.start();
    const since = Date.now();
    const caughtUp = await timeUntilShown(`${second.url}${article}`, duringOutage, since, 15_000);
    expect(caughtUp, second.output()).toBeLessThan(15_000);
    expect(first.output()).toContain("cache: Redis");
  });
});
