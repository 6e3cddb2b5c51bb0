// Email alerts at scale (issue 17, "Speed"), each figure beside its baseline in the same run:
// one publish fanned out to 10,000 readers watching its ticker by the worker process
// (`npm run worker`) on a fresh Postgres database, into a local SMTP sink that accepts and
// discards; beside it, a bare nodemailer loop sending the same messages to the same sink
// (tests/bench/email-loop.ts), runs alternating, and the same loop with TCP_NODELAY (what the
// transport holds back). Then the site's cached article while a fan-out runs inside the same
// instance (WORKER_IN_SERVER=1), beside the bare Next page.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import pg from "pg";
import { PgBoss } from "pg-boss";
import { SMTPServer } from "smtp-server";
import { migratePostgres } from "../../lib/db/migrate.ts";
import { pooledSmtpUrl, SMTP_CONNECTIONS } from "../../lib/email/smtp-pool.ts";
import { seedPostDocument as seedPost } from "../support/seed-post.ts";
import { testDatabaseUrl, withDatabase } from "../support/db-guard.ts";
import { startTestLake, type TestLake } from "../support/lake.ts";
import { freePort } from "../support/ports.ts";
import { median, type Figure, type SuiteResult } from "./figure.ts";
import type { Server, Servers } from "./servers.ts";
import { cpuSeconds, load, medianRound, rps, type Load } from "./site.ts";

const READERS = Number(process.env.EMAIL_READERS ?? 10_000);
/** Fan-outs, each followed by a bare loop; the pair with the median ratio is the figure. */
const RUNS = Number(process.env.EMAIL_RUNS ?? 3);
/** Messages whose source the sink keeps from the first fan-out: what the bare loop sends. */
const CAPTURED = 100;
const FROM = "Daily Insight <alerts@insight.example>";
const AUTH_SECRET = "bench-email-auth-secret-0123456789abcdef0123456789";
const SITE_URL = "https://insight.example";
/** pg-boss's queue name and the announcement's shape (lib/jobs/email-jobs.ts). */
const ANNOUNCE_QUEUE = "announce-post-stately";
/** A reader gets at most this many instant alerts a day (lib/email/settings.ts). */
const INSTANT_ALERTS_PER_DAY = 5;
const FAN_OUT_TIMEOUT_MS = 10 * 60_000;

// The site under a fan-out, as the site suite measures it (tests/bench/site.ts).
const WARM_UP_ROUNDS = 6;
const WARM_UP_SECONDS = 4;
const ROUNDS = 7;
const ROUND_SECONDS = 5;

// ---------------------------------------------------------------------------------------------
// The SMTP sink: accepts and discards, keeping each message's acceptance time and size (and the
// source of the first few, for the bare loop). Held, it reads messages but answers none until
// released: the sender waits with its messages in flight, and does no other work meanwhile.

interface Sink {
  url: string;
  /** Counts afresh from now; keeps the source of the first `capture` messages. */
  reset(capture?: number): void;
  /** Acceptance times (performance.now()) since the reset, in order. */
  times(): number[];
  sizes(): number[];
  /** Distinct recipients since the reset. */
  recipients(): number;
  captured(): Array<{ to: string; raw: Buffer }>;
  waitFor(count: number, timeoutMs: number, alive?: () => void): Promise<void>;
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

async function startSink(port: number): Promise<Sink> {
  const fresh = (capture = 0) => ({
    times: [] as number[],
    sizes: [] as number[],
    recipients: new Set<string>(),
    captured: [] as Array<{ to: string; raw: Buffer }>,
    captureSlots: capture,
  });
  let state = fresh();
  let held: Array<() => void> | null = null;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const current = state;
      const keep = current.captureSlots > 0;
      if (keep) current.captureSlots--;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (keep) chunks.push(chunk);
      });
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        const accept = () => {
          current.times.push(performance.now());
          current.sizes.push(size);
          for (const address of to) current.recipients.add(address);
          if (keep) current.captured.push({ to: to[0]!, raw: Buffer.concat(chunks) });
          callback();
        };
        if (held) held.push(accept);
        else accept();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  // A sender stopped mid-conversation resets its connections; that is no failure of the sink's.
  server.on("error", () => undefined);
  const release = () => {
    const waiting = held ?? [];
    held = null;
    for (const accept of waiting) accept();
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    reset: (capture) => void (state = fresh(capture)),
    times: () => state.times,
    sizes: () => state.sizes,
    recipients: () => state.recipients.size,
    captured: () => state.captured,
    async waitFor(count, timeoutMs, alive) {
      const deadline = performance.now() + timeoutMs;
      while (state.times.length < count) {
        alive?.();
        if (performance.now() > deadline)
          throw new Error(`the sink accepted ${state.times.length} of ${count} messages`);
        await sleep(20);
      }
    },
    hold: () => void (held ??= []),
    release,
    async close() {
      release();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// A fresh database on the local Postgres server, migrated, with readers written in bulk.

interface BenchDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

async function createDatabase(name: string): Promise<BenchDatabase> {
  const baseUrl = testDatabaseUrl();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const drop = async () => {
    await pool.end().catch(() => undefined);
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await client.end();
    }
  };
  try {
    await migratePostgres(pool);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, pool, drop };
}

/** `count` readers with instant alerts, each with one watchlist holding `symbol` (as
 * tests/support/alert-readers.ts writes them, in four statements). */
async function seedReaders(pool: pg.Pool, count: number, symbol: string): Promise<void> {
  await pool.query(
    `insert into users (id, name, email)
     select gen_random_uuid()::text, 'r' || n, 'r' || n || '-' || substr(md5(random()::text), 1, 8) || '@example.com'
     from generate_series(1, $1::int) n`,
    [count],
  );
  await pool.query(`insert into watchlists (user_id, name) select id, 'My watchlist' from users`);
  await pool.query(
    `insert into watchlist_items (watchlist_id, symbol, position) select id, $1, 0 from watchlists`,
    [symbol],
  );
  await pool.query(
    `insert into alert_settings (user_id, mode, time_zone, digest_minute)
     select id, 'instant', 'America/New_York', 480 from users`,
  );
}

async function outboxFor(pool: pg.Pool, postId: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ status: string; n: string }>(
    "select status, count(*) as n from email_messages where $1 = any(post_ids) group by status",
    [postId],
  );
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

async function selectOneMs(pool: pg.Pool): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 210; i++) {
    const started = performance.now();
    await pool.query("select 1");
    if (i >= 10) samples.push(performance.now() - started);
  }
  return median(samples);
}

/** pg-boss on `url`, as the webhook's side queues an announcement (lib/jobs/email-jobs.ts). */
async function openQueue(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    max: 2,
    supervise: false,
    schedule: false,
  });
  boss.on("error", (error: unknown) => console.error("bench email: pg-boss:", error));
  await boss.start();
  return boss;
}

async function announce(boss: PgBoss, postId: string): Promise<void> {
  const id = await boss.send(ANNOUNCE_QUEUE, { postId }, { singletonKey: postId });
  if (!id) throw new Error(`the announcement of ${postId} was not queued`);
}

// ---------------------------------------------------------------------------------------------
// Posts: the seed article's title, summary and author, on IWM only, published a minute ago.

async function publishPost(lake: TestLake, id: string): Promise<void> {
  await lake.client.createOrReplace({
    ...seedPost,
    _id: id,
    _type: "post",
    title: `${seedPost.title} (${id.slice(-4)})`,
    slug: { _type: "slug", current: id },
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
    tickers: seedPost.tickers.filter((mention) => mention._key === "iwm"),
  });
}

// ---------------------------------------------------------------------------------------------
// Processes: the worker (`npm run worker` as one process) and the bare loop.

interface Child {
  child: ChildProcess;
  output(): string;
  /** Throws (with the log) when the process has exited. */
  alive(): void;
  stop(): Promise<void>;
}

function spawnLogged(args: string[], env: NodeJS.ProcessEnv, name: string): Child {
  const child = spawn(process.execPath, args, { cwd: process.cwd(), env, stdio: "pipe" });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    alive() {
      if (child.exitCode !== null)
        throw new Error(`${name} exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForOutput(process: Child, text: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!process.output().includes(text)) {
    process.alive();
    if (performance.now() > deadline) throw new Error(`no "${text}":\n${process.output()}`);
    await sleep(50);
  }
}

async function startWorker(databaseUrl: string, lake: TestLake, sink: Sink): Promise<Child> {
  // One process: tsx as a loader, not its CLI (which would run the worker as its child).
  const worker = spawnLogged(
    ["--import", "tsx", "scripts/worker.ts"],
    {
      PATH: process.env.PATH ?? "",
      // As deployed; the worker renders each distinct message once with React's production build.
      NODE_ENV: "production",
      SITE_URL,
      AUTH_SECRET,
      LAKE_HOST: "127.0.0.1",
      LAKE_PORT: String(lake.lake.port),
      DATABASE_URL: databaseUrl,
      EMAIL_SERVER: sink.url,
      EMAIL_FROM: FROM,
    },
    "the worker",
  );
  try {
    await waitForOutput(worker, "worker: doing email jobs", 120_000);
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}

interface Delivery {
  /** Queued (or the loop's first send) → the last message accepted. */
  totalMs: number;
  /** Queued → the first message accepted (null for the loop). */
  firstMs: number | null;
  /** Messages per second from the first acceptance to the last. */
  rate: number;
  cpuMicrosPerMessage: number | null;
  meanBytes: number;
}

const rateOf = (times: number[]) =>
  times.length < 2 ? Number.NaN : ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);

const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

interface FanOut extends Delivery {
  postId: string;
  /** The worker's "longest accepted→committed" of this fan-out, the max over its log lines. */
  commitMs: number;
  sentRows: number;
  otherRows: string;
  accepted: number;
  recipients: number;
}

async function fanOut(
  run: number,
  context: { lake: TestLake; sink: Sink; boss: PgBoss; db: BenchDatabase; worker: Child },
): Promise<FanOut> {
  const { lake, sink, boss, db, worker } = context;
  const postId = `bench-email-${run}-${randomBytes(3).toString("hex")}`;
  await publishPost(lake, postId);
  sink.reset(run === 0 ? CAPTURED : 0);
  const logFrom = worker.output().length;
  const cpuBefore = await cpuSeconds(worker.child.pid);
  const queued = performance.now();
  await announce(boss, postId);
  await sink.waitFor(READERS, FAN_OUT_TIMEOUT_MS, () => worker.alive());
  const times = [...sink.times()];
  // Done is known from the outbox: every message marked sent, and the worker's report logged.
  const deadline = performance.now() + 60_000;
  let rows = await outboxFor(db.pool, postId);
  const reported = () =>
    [
      ...worker
        .output()
        .slice(logFrom)
        .matchAll(/email: (\d+) sent/g),
    ].reduce((sum, match) => sum + Number(match[1]), 0);
  while ((rows.get("sent") ?? 0) < READERS || reported() < READERS) {
    worker.alive();
    if (performance.now() > deadline) break;
    await sleep(100);
    rows = await outboxFor(db.pool, postId);
  }
  const cpuAfter = await cpuSeconds(worker.child.pid);
  const log = worker.output().slice(logFrom);
  const commits = [...log.matchAll(/longest accepted→committed ([\d.]+) ms/g)].map((m) =>
    Number(m[1]),
  );
  // A beat for a message sent twice to arrive.
  await sleep(500);
  return {
    postId,
    totalMs: times.at(-1)! - queued,
    firstMs: times[0]! - queued,
    rate: rateOf(times),
    cpuMicrosPerMessage:
      cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / READERS,
    meanBytes: meanOf(sink.sizes()),
    commitMs: commits.length > 0 ? Math.max(...commits) : Number.NaN,
    sentRows: rows.get("sent") ?? 0,
    otherRows: [...rows]
      .filter(([status]) => status !== "sent")
      .map(([s, n]) => `${n} ${s}`)
      .join(", "),
    accepted: sink.times().length,
    recipients: sink.recipients(),
  };
}

/** What the first fan-out's captured messages say, for nodemailer to compose again. */
async function loopMessages(sink: Sink) {
  const messages = [];
  for (const { to, raw } of sink.captured()) {
    const mail = await simpleParser(raw);
    const headers: Record<string, string> = {};
    for (const { key, line } of mail.headerLines) {
      if (key === "list-unsubscribe" || key === "list-unsubscribe-post") {
        const name = line.slice(0, line.indexOf(":"));
        headers[name] = line
          .slice(line.indexOf(":") + 1)
          .replace(/\r?\n/g, "")
          .trim();
      }
    }
    messages.push({
      to,
      subject: mail.subject ?? "",
      html: typeof mail.html === "string" ? mail.html : "",
      text: mail.text ?? "",
      headers,
    });
  }
  return messages;
}

async function bareLoop(sink: Sink, file: string, noDelay = false): Promise<Delivery> {
  sink.reset();
  const loop = spawnLogged(
    [path.join("tests", "bench", "email-loop.ts"), file, ...(noDelay ? ["--no-delay"] : [])],
    process.env,
    "the bare loop",
  );
  let started = Number.NaN;
  loop.child.stdout!.on("data", (chunk: Buffer) => {
    if (Number.isNaN(started) && chunk.toString().includes("start")) started = performance.now();
  });
  await sink.waitFor(READERS, FAN_OUT_TIMEOUT_MS, () => loop.alive());
  const times = [...sink.times()];
  const code = await new Promise<number | null>((resolve) =>
    loop.child.exitCode !== null ? resolve(loop.child.exitCode) : loop.child.once("exit", resolve),
  );
  if (code !== 0) throw new Error(`the bare loop exited with ${code}:\n${loop.output()}`);
  const cpu = /\{"cpuMicros":(\d+)\}/.exec(loop.output());
  return {
    totalMs: times.at(-1)! - started,
    firstMs: null,
    rate: rateOf(times),
    cpuMicrosPerMessage: cpu ? Number(cpu[1]) / READERS : null,
    meanBytes: meanOf(sink.sizes()),
  };
}

async function warm(url: string): Promise<string> {
  let cache = "";
  for (let attempt = 0; attempt < 20 && cache !== "HIT"; attempt++) {
    const response = await fetch(url);
    await response.arrayBuffer();
    cache = response.headers.get("x-nextjs-cache") ?? "none";
  }
  return cache;
}

interface SiteUnderFanOut {
  figures: Figure[];
  notes: string[];
}

/**
 * The cached article on an instance whose own worker fans a publish out, beside the bare page.
 * Each round loads the bare page and the article with the fan-out paused (the sink holds its
 * replies, so the worker waits on its 8 messages in flight), then the article with it running.
 */
async function siteUnderFanOut(
  servers: Servers,
  sink: Sink,
  /** The worker process's messages per second on its own, for comparison. */
  aloneRate: number,
): Promise<SiteUnderFanOut> {
  const site = await servers.site();
  const bare = await servers.bare();
  const notes: string[] = [];
  const db = await createDatabase(
    `daily_insight_bench_email_${randomBytes(4).toString("hex")}_site`,
  );
  const lake = await startTestLake({ seed: true });
  let instance: Server | undefined;
  let boss: PgBoss | undefined;
  try {
    await seedReaders(db.pool, READERS, "IWM");
    sink.reset();
    sink.hold();
    const port = await freePort();
    instance = await site.startInstance(port, {
      DATABASE_URL: db.url,
      WORKER_IN_SERVER: "1",
      EMAIL_SERVER: sink.url,
      EMAIL_FROM: FROM,
      LAKE_PORT: String(lake.lake.port),
      SANITY_API_WRITE_TOKEN: lake.token,
    });
    // The instance's worker is up once its queues and schedule exist (lib/jobs/email-jobs.ts).
    const deadline = performance.now() + 120_000;
    for (;;) {
      const found = await db.pool
        .query("select 1 from pgboss.schedule where name = 'email-tick'")
        .then((result) => result.rowCount ?? 0)
        // Not yet: pg-boss creates its schema as the worker starts.
        .catch(() => 0);
      if (found > 0) break;
      if (performance.now() > deadline)
        throw new Error("the instance's email worker did not start");
      await sleep(250);
    }
    boss = await openQueue(db.url);
    console.error("bench: the cached article while a fan-out runs in its instance…");
    const article = `${instance.url}${site.articlePath}`;
    const bareArticle = `${bare.url}/insights/bare-page`;
    notes.push(`site under fan-out: article x-nextjs-cache ${await warm(article)} on the instance`);

    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      await load({ url: bareArticle, pid: bare.pid }, WARM_UP_SECONDS);
      await load({ url: article, pid: instance.pid }, WARM_UP_SECONDS);
    }

    const bareRounds: Load[] = [];
    const idleRounds: Load[] = [];
    const busyRounds: Load[] = [];
    const perRound: number[] = [];
    const remainingAfter: number[] = [];
    let posts = 0;
    let busySeconds = 0;
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await load({ url: bareArticle, pid: bare.pid }, ROUND_SECONDS));
      idleRounds.push(await load({ url: article, pid: instance.pid }, ROUND_SECONDS));
      // Another publish when what is left would not last the round (a reader takes at most
      // INSTANT_ALERTS_PER_DAY alerts a day).
      const left = posts * READERS - sink.times().length;
      if (posts < INSTANT_ALERTS_PER_DAY && left <= 1.5 * Math.max(0, ...perRound)) {
        const postId = `bench-email-site-${posts}-${randomBytes(3).toString("hex")}`;
        await publishPost(lake, postId);
        await announce(boss, postId);
        posts++;
      }
      const before = sink.times().length;
      const started = performance.now();
      sink.release();
      busyRounds.push(await load({ url: article, pid: instance.pid }, ROUND_SECONDS));
      sink.hold();
      busySeconds += (performance.now() - started) / 1000;
      perRound.push(sink.times().length - before);
      remainingAfter.push(posts * READERS - sink.times().length);
    }
    const covered = remainingAfter.filter((left) => left > 0).length;
    const sent = sink.times().length;

    const ratios = (a: Load[], b: Load[]) =>
      a.map((load, i) => (rps(load) / rps(b[i]!)).toFixed(2)).join(", ");
    const [busy, busyBase] = medianRound(busyRounds, bareRounds);
    const [idle, idleBase] = medianRound(idleRounds, bareRounds);
    const errors = busyRounds.reduce((sum, l) => sum + l.errors, 0);
    const cpuPerRequest = (loads: Load[]) => {
      const cpu = loads.reduce((sum, l) => sum + (l.cpuSeconds ?? Number.NaN), 0);
      return (cpu * 1e6) / loads.reduce((sum, l) => sum + l.requests, 0);
    };
    const figures: Figure[] = [
      {
        name: `cached article while a fan-out runs in the instance (median of ${ROUNDS} rounds)`,
        value: rps(busy),
        baseline: rps(busyBase),
        unit: "req/s",
        budget: "≥ 0.9× bare Next page",
        within: rps(busy) >= 0.9 * rps(busyBase) && covered === ROUNDS,
      },
      {
        name: "diagnostic: the same instance with the fan-out paused",
        value: rps(idle),
        baseline: rps(idleBase),
        unit: "req/s",
        budget: "none (diagnostic)",
        within: null,
      },
      {
        name: "errors, timeouts and non-2xx on the article during the fan-out",
        value: errors,
        baseline: bareRounds.reduce((sum, l) => sum + l.errors, 0),
        unit: "count",
        budget: "0",
        within: errors === 0,
      },
      {
        name: "diagnostic: instance CPU per request, fan-out running vs paused",
        value: cpuPerRequest(busyRounds),
        baseline: cpuPerRequest(idleRounds),
        unit: "µs",
        budget: "none (diagnostic)",
        within: null,
      },
    ];
    notes.push(
      `site under fan-out, article ÷ bare page round by round: fan-out running ` +
        `${ratios(busyRounds, bareRounds)}; paused ${ratios(idleRounds, bareRounds)}`,
      `site under fan-out: ${posts} post(s) of ${READERS} readers queued; messages accepted in ` +
        `each running round: ${perRound.join(", ")} (${sent} in ${busySeconds.toFixed(0)} s, ` +
        `${(sent / busySeconds).toFixed(0)} messages/s while loaded, ` +
        `${(sent / busySeconds / aloneRate).toFixed(2)}× the worker process's rate on its own); ` +
        `the fan-out was still ` +
        `under way at the end of ${covered} of ${ROUNDS} rounds` +
        (covered === ROUNDS ? "" : " (a round it did not cover fails the budget)"),
    );
    return { figures, notes };
  } finally {
    sink.release();
    await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
    if (instance) {
      const pid = instance.pid;
      const timer = setTimeout(() => {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Gone already.
        }
      }, 30_000);
      await instance.stop().catch(() => undefined);
      clearTimeout(timer);
    }
    await lake.stop();
    await db.drop();
  }
}

// ---------------------------------------------------------------------------------------------

export async function benchEmail(servers: Servers): Promise<SuiteResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const sink = await startSink(await freePort());
  const temp = await mkdtemp(path.join(os.tmpdir(), "bench-email-"));
  try {
    // The worker process against a database of its own, its readers watching IWM.
    const db = await createDatabase(`daily_insight_bench_email_${randomBytes(4).toString("hex")}`);
    const lake = await startTestLake({ seed: true });
    let worker: Child | undefined;
    let boss: PgBoss | undefined;
    const fanOuts: FanOut[] = [];
    const loops: Delivery[] = [];
    const noDelayLoops: Delivery[] = [];
    let selectOne = Number.NaN;
    try {
      await seedReaders(db.pool, READERS, "IWM");
      worker = await startWorker(db.url, lake, sink);
      boss = await openQueue(db.url);
      const loopFile = path.join(temp, "messages.json");
      for (let n = 0; n < RUNS; n++) {
        console.error(`bench: email fan-out ${n + 1} of ${RUNS} to ${READERS} readers…`);
        fanOuts.push(await fanOut(n, { lake, sink, boss, db, worker }));
        if (n === 0) {
          const messages = await loopMessages(sink);
          await writeFile(
            loopFile,
            JSON.stringify({
              url: pooledSmtpUrl(sink.url),
              from: FROM,
              count: READERS,
              concurrency: SMTP_CONNECTIONS,
              messages,
            }),
          );
        }
        console.error(`bench: bare nodemailer loop ${n + 1} of ${RUNS}…`);
        loops.push(await bareLoop(sink, loopFile));
        console.error(`bench: the same loop with TCP_NODELAY ${n + 1} of ${RUNS}…`);
        noDelayLoops.push(await bareLoop(sink, loopFile, true));
      }
      selectOne = await selectOneMs(db.pool);
    } finally {
      await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
      await worker?.stop();
      await lake.stop();
      await db.drop();
    }

    // The pair (fan-out, the loop after it) whose ratio is the median.
    const pairs = fanOuts.map((f, i) => [f, loops[i]!] as const);
    const sorted = [...pairs].sort(([a, b], [c, d]) => a.rate / b.rate - c.rate / d.rate);
    const [ours, loop] = sorted[Math.floor(sorted.length / 2)]!;
    const runsOf = `median pair of ${RUNS}`;
    figures.push(
      {
        name: `publish → last of ${READERS} messages accepted (${runsOf})`,
        value: ours.totalMs,
        baseline: loop.totalMs,
        unit: "ms",
        budget: "reported; baseline the bare loop's first send → last",
        within: null,
      },
      {
        name: `messages per second over the sending phase (${runsOf})`,
        value: ours.rate,
        baseline: loop.rate,
        unit: "msg/s",
        budget: "≥ 0.5× bare nodemailer loop",
        within: ours.rate >= 0.5 * loop.rate,
      },
      {
        name: "longest accepted→committed, max over the fan-outs",
        value: Math.max(...fanOuts.map((f) => f.commitMs)),
        baseline: selectOne,
        unit: "ms",
        budget: "reported (a killed worker's resend window); baseline select 1",
        within: null,
      },
      {
        name: `outbox rows sent / messages accepted, all ${RUNS} fan-outs`,
        value: fanOuts.reduce((sum, f) => sum + f.sentRows, 0),
        baseline: fanOuts.reduce((sum, f) => sum + f.accepted, 0),
        unit: "count",
        budget: `${RUNS}×${READERS}, each reader once`,
        within: fanOuts.every(
          (f) =>
            f.sentRows === READERS &&
            f.otherRows === "" &&
            f.accepted === READERS &&
            f.recipients === READERS,
        ),
      },
    );
    const noDelayRate = median(noDelayLoops.map((l) => l.rate));
    figures.push({
      name: "diagnostic: bare loop with TCP_NODELAY vs without (messages/s, median)",
      value: noDelayRate,
      baseline: median(loops.map((l) => l.rate)),
      unit: "msg/s",
      budget: "none (diagnostic)",
      within: null,
    });
    if (ours.cpuMicrosPerMessage !== null && loop.cpuMicrosPerMessage !== null) {
      figures.push({
        name: "diagnostic: sender CPU per message, worker vs bare loop",
        value: ours.cpuMicrosPerMessage,
        baseline: loop.cpuMicrosPerMessage,
        unit: "µs",
        budget: "none (diagnostic)",
        within: null,
      });
    }
    notes.push(
      ...fanOuts.map(
        (f, i) =>
          `fan-out ${i + 1}: queued → first message ${f.firstMs!.toFixed(0)} ms, → last ` +
          `${f.totalMs.toFixed(0)} ms, ${f.rate.toFixed(0)} messages/s, worker CPU ` +
          `${f.cpuMicrosPerMessage?.toFixed(0) ?? "n/a"} µs/message, longest accepted→committed ` +
          `${f.commitMs.toFixed(1)} ms; outbox ${f.sentRows} sent${f.otherRows ? `, ${f.otherRows}` : ""}; ` +
          `sink ${f.accepted} messages to ${f.recipients} readers; ` +
          `bare loop after it: ${loops[i]!.totalMs.toFixed(0)} ms, ${loops[i]!.rate.toFixed(0)} messages/s, ` +
          `CPU ${loops[i]!.cpuMicrosPerMessage?.toFixed(0) ?? "n/a"} µs/message ` +
          `(ratio ${(f.rate / loops[i]!.rate).toFixed(2)}); with TCP_NODELAY ` +
          `${noDelayLoops[i]!.rate.toFixed(0)} messages/s, CPU ` +
          `${noDelayLoops[i]!.cpuMicrosPerMessage?.toFixed(0) ?? "n/a"} µs/message`,
      ),
      `nodemailer's SMTP connections leave Nagle's algorithm on, and the end of each message's ` +
        `DATA waits for the sink's delayed ACK (about 40 ms here): a connection sends about 21 ` +
        `messages a second however fast its sender, so 8 connections cap the worker and the bare ` +
        `loop alike near 170 a second, and the budget's ratio compares two senders at that cap. ` +
        `With TCP_NODELAY the same loop sends ${noDelayRate.toFixed(0)} a second; the worker ` +
        `reaches ${(ours.rate / noDelayRate).toFixed(2)}× that.`,
      `messages average ${(ours.meanBytes / 1024).toFixed(1)} KB from the worker, ` +
        `${(loop.meanBytes / 1024).toFixed(1)} KB from the bare loop (it resends the first ` +
        `${CAPTURED} the worker sent, composed again by nodemailer)`,
    );

    const site = await siteUnderFanOut(servers, sink, ours.rate);
    figures.push(...site.figures);
    notes.push(...site.notes);
    notes.push(
      "During the bare page's rounds and the paused rounds the sink holds its replies, so the " +
        "worker in the instance waits with its 8 messages in flight and does nothing else: the " +
        "bare page is measured without the fan-out on the machine, the article with all it " +
        "costs here (the worker in the same process, Postgres, and the sink in the bench's own " +
        "process, which a real relay would not put on the site's machine).",
    );
    return { figures, notes };
  } finally {
    await sink.close();
    await rm(temp, { recursive: true, force: true });
  }
}
