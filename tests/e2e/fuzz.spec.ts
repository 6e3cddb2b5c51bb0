import { gzipSync } from "node:zlib";
import { decodedBody, rawRequest, type RawResponse } from "../support/raw-http.ts";
import { e2e } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import {
  actionIds,
  describeRequest,
  generateRequests,
  closesUnread,
  STACK_TRACE,
  type FuzzRequest,
} from "./fuzz-requests.ts";
import { buildRoutes, dynamicSegments, validValues } from "./fuzz-routes.ts";

// Hostile and clumsy input against the production build, generated from a fixed seed so a
// failure reproduces: every page and route handler the build has (tests/e2e/fuzz-routes.ts reads
// them from Next's manifest), and its server actions, with bad encodings, huge and odd
// parameters, wrong methods and content types, and hostile headers. The server must answer
// every request with less than 500 and never show a stack trace, in any Content-Encoding. The
// requests come from a loopback address of their own (127.0.0.66), so sign-in limits they trip
// touch no other spec.

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2400);
const CONCURRENCY = 4;
/** Each route of the build gets at least this many requests. */
const MIN_PER_ROUTE = 15;

/**
 * A connection reset (ECONNRESET, EPIPE) is a failure, unless the server closed on a request it
 * would not read (closesUnread): those are counted and listed, and more than 1.5% of the
 * requests fail the test (22 of 2,400 with the default seed).
 */
const MAX_UNREAD_RESETS = Math.ceil(COUNT * 0.015);

test("the stack trace pattern knows every shape of a V8 frame, and no prose", () => {
  const frames = [
    "    at Page (/srv/app/.next/server/chunks/ssr/abc.js:1:234)",
    "    at /srv/app/.next/server/app/page.js:2:3",
    "    at async Promise.all (index 0)",
    "    at async handler (file:///srv/app/route.js:10:5)",
    "    at async /srv/app/.next/server/app/route.js:10:5",
    "    at node:internal/process/task_queues:105:5",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)",
    "    at new Foo ([project]/lib/x.ts:3:9)",
    "    at Object.<anonymous> (C:\\app\\x.js:1:1)",
    "    at eval (<anonymous>:1:1)",
    "    at JSON.parse (native)",
    '{"stack":"Error: boom\\n    at run (/app/x.js:1:2)"}',
  ];
  for (const frame of frames) expect(frame, frame).toMatch(STACK_TRACE);
  const prose = [
    "Small caps trade at 14.5x forward earnings",
    "published at 10:30:00 ET",
    "look at async jobs (the queue)",
    "at https://example.com:443/x",
    "at (the close) 1:2:3",
  ];
  for (const text of prose) expect(text, text).not.toMatch(STACK_TRACE);
  // A compressed body hides its frames until it is decoded.
  const bytes = gzipSync(frames[0] ?? "");
  const gzipped = {
    status: 200,
    headers: { "content-encoding": "gzip" },
    body: bytes.toString("utf8"),
    bytes,
  };
  expect(gzipped.body).not.toMatch(STACK_TRACE);
  expect(decodedBody(gzipped)).toMatch(STACK_TRACE);
});

test("thousands of malformed requests never get a 5xx, a stack trace or a reset", async () => {
  test.setTimeout(600_000);
  const routes = [...buildRoutes(), { route: "/no-such-page", kind: "page" as const }];
  const requests = await test.step(`generate ${COUNT} requests from seed ${SEED}`, () => {
    const generated = generateRequests({
      seed: SEED,
      count: COUNT,
      port: e2e.sitePort,
      routes,
      actions: actionIds(),
    });
    expect(generated.length).toBeGreaterThanOrEqual(2000);
    // Every route of the build, its new ones included, is fuzzed, with each segment's values.
    const perRoute = new Map(routes.map(({ route }) => [route, 0]));
    for (const request of generated)
      perRoute.set(request.route, (perRoute.get(request.route) ?? 0) + 1);
    const short = [...perRoute].filter(([, n]) => n < MIN_PER_ROUTE);
    expect(short, `routes with fewer than ${MIN_PER_ROUTE} requests`).toEqual([]);
    for (const { route } of routes) for (const key of dynamicSegments(route)) validValues(key);
    return generated;
  });
  const failures: string[] = [];
  const unreadResets: string[] = [];
  const statuses = new Map<number, number>();
  const routeStatuses = new Map<string, Map<number, number>>();
  let nextIndex = 0;
  async function worker() {
    while (nextIndex < requests.length) {
      const request = requests[nextIndex++] as FuzzRequest;
      let response: RawResponse;
      try {
        response = await rawRequest({ ...request, localAddress: "127.0.0.66", timeoutMs: 30_000 });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code === "ECONNRESET" || code === "EPIPE") && closesUnread(request))
          unreadResets.push(`${code} ${describeRequest(request)}`);
        else failures.push(`${describeRequest(request)} → ${String(error)}`);
        continue;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const byStatus = routeStatuses.get(request.route) ?? new Map<number, number>();
      byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
      routeStatuses.set(request.route, byStatus);
      let body: string;
      try {
        body = decodedBody(response);
      } catch (error) {
        failures.push(`${describeRequest(request)} → undecodable body: ${String(error)}`);
        continue;
      }
      if (response.status >= 500)
        failures.push(`${describeRequest(request)} → ${response.status} ${body.slice(0, 200)}`);
      else if (STACK_TRACE.test(body))
        failures.push(
          `${describeRequest(request)} → stack trace in ${response.status}: ${STACK_TRACE.exec(body)?.[0]}`,
        );
    }
  }
  await test.step(`send them, ${CONCURRENCY} at a time`, async () => {
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`fuzz: sent in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const counts = (map: Map<number, number>) =>
      JSON.stringify(Object.fromEntries([...map].sort(([a], [b]) => a - b)));
    console.log(
      `fuzz: ${requests.length} requests to ${routes.length} routes, statuses ${counts(statuses)}`,
    );
    for (const [route, byStatus] of [...routeStatuses].sort())
      console.log(`fuzz:   ${route} ${counts(byStatus)}`);
    console.log(
      `fuzz: ${unreadResets.length} connections reset on a request the server does not read`,
    );
    for (const reset of unreadResets) console.log(`fuzz:   ${reset}`);
  });
  await test.step("no 5xx, no stack trace, no unexplained reset, and the server's paths were reached", () => {
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
    expect(
      unreadResets.length,
      "connections reset on a request the server does not read",
    ).toBeLessThanOrEqual(MAX_UNREAD_RESETS);
    // The requests reached the server's paths, not only its front door.
    expect([...statuses.keys()].filter((status) => status < 300).length).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(0);
  });
});
