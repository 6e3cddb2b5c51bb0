import { readFileSync } from "node:fs";
import path from "node:path";
import type { RawRequest } from "../support/raw-http.ts";
import {
  BAD_SEGMENTS,
  fillRoute,
  validPaths,
  validValues,
  type BuildRoute,
} from "./fuzz-routes.ts";

// The fuzz test's requests (tests/e2e/fuzz.spec.ts), generated from a seed so a failure
// reproduces: a route of the build with its segments filled, mangled paths and parameters,
// wrong methods, bodies and content types, hostile headers and cookies, forged and unknown
// server actions.

/** The ids of this build's server actions. */
export function actionIds(distDir = ".next"): string[] {
  const file = path.resolve(distDir, "server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, unknown> };
  return Object.keys(manifest.node);
}

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

const BAD_VALUES = [
  "",
  "%E0%A4%A",
  "%00",
  "x".repeat(5000),
  "javascript:alert(1)",
  "//evil.example",
  "http://[",
  "-1",
  "1e308",
  "NaN",
  "0",
  "999999999999999999999",
  "[]",
  "{}",
  "<img src=x onerror=alert(1)>",
  "\u0000",
  "%2F%2Fevil.example",
];
const PARAMS = [
  "page",
  "q",
  "callbackUrl",
  "redirect",
  "list",
  "token",
  "email",
  "error",
  "sanity-preview-secret",
  "sanity-preview-pathname",
  "_rsc",
  "limit",
  "retry",
  "signedOut",
];
const METHODS = ["GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"];
const CONTENT_TYPES = [
  "application/json",
  "text/plain;charset=UTF-8",
  "multipart/form-data; boundary=----x",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "text/x-component",
  "application/octet-stream",
  "application/xml",
  "nonsense",
];
const BODIES = [
  "",
  "[]",
  "{}",
  "[",
  "null",
  '{"_id":"x","_type":"post"}',
  "a=b&c",
  '------x\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n------x--\r\n',
  "------x\r\nbroken",
  "\u0000\u0001\u0002",
  "%E0%A4%A",
  '["$@1"]',
  '["$Q1"]',
  '["$K1"]',
  '[{"status":"idle"},"$K1"]',
  '["$h1"]',
  "x".repeat(70 * 1024),
];

function headerSets(
  g: ReturnType<typeof generator>,
  host: string,
  port: number,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const add = (name: string, value: string) => (headers[name] = value);
  if (g.next() < 0.2)
    add("host", g.pick(["evil.example", `evil.example:${port}`, "", "[::1]", "a".repeat(300)]));
  else add("host", host);
  if (g.next() < 0.2) add("x-forwarded-host", g.pick(["evil.example", "", "a, b", host]));
  if (g.next() < 0.2)
    add("x-forwarded-for", g.pick(["1.2.3.4", "garbage", "::1", "1.1.1.1, 2.2.2.2", ""]));
  if (g.next() < 0.2) add("x-forwarded-proto", g.pick(["https", "gopher", ""]));
  if (g.next() < 0.2)
    add(
      "origin",
      g.pick(["https://evil.example", "null", "not a url", `http://localhost:${port}`]),
    );
  if (g.next() < 0.25)
    add(
      "cookie",
      g.pick([
        "authjs.session-token=forged",
        "authjs.callback-url=http%3A%2F%2F%5B",
        "__Secure-authjs.callback-url=javascript:alert(1)",
        "authjs.csrf-token=garbage",
        "__prerender_bypass=forged",
        "theme=%E0%A4%A",
        `big=${"c".repeat(6000)}`,
        "=; ;=;",
      ]),
    );
  if (g.next() < 0.15) add("rsc", "1");
  if (g.next() < 0.1) add("next-router-state-tree", g.pick(["garbage", "%5B%5D", "[", "%E0%A4%A"]));
  if (g.next() < 0.1) add("next-router-prefetch", "1");
  if (g.next() < 0.1)
    add("next-router-segment-prefetch", g.pick(["/_tree", "garbage", "/__PAGE__"]));
  if (g.next() < 0.1) add("next-url", g.pick(["/x", "%E0%A4%A", "//evil"]));
  if (g.next() < 0.1)
    add("accept", g.pick(["text/x-component", "*/*;q=bogus", "application/json"]));
  if (g.next() < 0.1) add("range", g.pick(["bytes=0-1", "bytes=garbage", "bytes=99999999-"]));
  if (g.next() < 0.1) add("if-none-match", g.pick(['"x"', "*", "garbage"]));
  // Identity unless the request asks otherwise; whatever comes back is decoded before it is read.
  add(
    "accept-encoding",
    g.next() < 0.2
      ? g.pick(["gzip", "gzip;q=x", "br, zstd", "deflate", "identity;q=0"])
      : "identity",
  );
  if (g.next() < 0.1)
    add("sanity-webhook-signature", g.pick(["t=1,v1=x", "garbage", `t=${Date.now()},v1=AAAA`]));
  if (g.next() < 0.1) add("idempotency-key", g.pick(["x", "y".repeat(500)]));
  return headers;
}

/** Where requests go: each route of the build, weighted by how many kinds of valid value it takes. */
interface Target {
  route: BuildRoute;
  weight: number;
}

function targetsOf(routes: BuildRoute[]): Target[] {
  // Auth.js's actions or the Studio's tools are routes of their own behind one catch-all: such a
  // route gets up to four times the share of a plain one.
  return routes.map((route) => ({ route, weight: Math.min(validPaths(route.route).length, 4) }));
}

function pickWeighted(g: ReturnType<typeof generator>, targets: readonly Target[]): BuildRoute {
  const total = targets.reduce((sum, target) => sum + target.weight, 0);
  let at = g.next() * total;
  for (const target of targets) {
    at -= target.weight;
    if (at < 0) return target.route;
  }
  return (targets.at(-1) as Target).route;
}

export interface FuzzRequest extends RawRequest {
  /** The route of the build it is aimed at, as Next names it. */
  route: string;
}

export function generateRequests({
  seed,
  count,
  port,
  routes,
  actions,
}: {
  seed: number;
  count: number;
  port: number;
  routes: BuildRoute[];
  actions: string[];
}): FuzzRequest[] {
  const g = generator(seed);
  const host = `localhost:${port}`;
  const pages = targetsOf(routes.filter((route) => route.kind === "page"));
  const handlers = targetsOf(routes.filter((route) => route.kind === "handler"));
  const requests: FuzzRequest[] = [];
  for (let n = 0; n < count; n += 1) {
    const kind = g.next();
    let method = g.pick(METHODS);
    const headers = headerSets(g, host, port);
    let body: string | undefined;
    // 30% pages, 40% route handlers (there are more of them), 30% server actions posted to pages.
    const isAction = kind >= 0.7;
    const route = kind < 0.3 || isAction ? pickWeighted(g, pages) : pickWeighted(g, handlers);
    // A dynamic segment holds a valid value, most of the time, or a hostile one.
    let target = fillRoute(route.route, (key) =>
      g.next() < 0.75 ? g.pick(validValues(key)) : g.pick(BAD_SEGMENTS),
    );
    if (isAction) {
      // A server action: a known id or a made-up one, posted to a page, in any encoding.
      method = "POST";
      if (g.next() < 0.7) {
        headers["next-action"] =
          g.next() < 0.8 ? g.pick(actions) : g.pick(["deadbeef", "", "x".repeat(200), "%00"]);
      } else {
        const id = g.next() < 0.7 ? g.pick(actions) : "deadbeef";
        body = g.pick([
          `------x\r\nContent-Disposition: form-data; name="$ACTION_ID_${id}"\r\n\r\n\r\n------x--\r\n`,
          `------x\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n------x\r\nContent-Disposition: form-data; name="$ACTION_1:0"\r\n\r\n{"id":"${id}","bound":"$@1"}\r\n------x--\r\n`,
          `$ACTION_ID_${id}=&email=%00`,
          `$ACTION_REF_1=&$ACTION_1%3A0=garbage`,
        ]);
        headers["content-type"] = body.startsWith("-")
          ? "multipart/form-data; boundary=----x"
          : "application/x-www-form-urlencoded";
      }
    }
    // Mangle the path: a bad segment, odd parameters, or both.
    if (g.next() < 0.3) target = `${target.replace(/\/$/, "")}/${g.pick(BAD_SEGMENTS)}`;
    if (g.next() < 0.5) {
      const params = Array.from(
        { length: 1 + Math.floor(g.next() * 3) },
        () => `${g.pick(PARAMS)}=${g.pick(BAD_VALUES)}`,
      );
      target += `${target.includes("?") ? "&" : "?"}${params.join("&")}`;
    }
    if (method !== "GET" && method !== "HEAD" && body === undefined) {
      body = g.pick(BODIES);
      if (!headers["content-type"] && g.next() < 0.8)
        headers["content-type"] = g.pick(CONTENT_TYPES);
    }
    // Node refuses to send some characters in a path; keep the rest of the request as it is.
    target = target.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char));
    requests.push({
      route: route.route,
      port,
      method,
      path: target,
      headers,
      ...(body === undefined ? {} : { body }),
    });
  }
  return requests;
}

// A V8 stack frame in any of its shapes: `at fn (file:line:col)`, `at file:line:col`,
// `at async fn (…)`, `at async Promise.all (index 0)`, `at new X (…)`, in plain text or inside
// an escaped JSON string.
const FRAME_LOCATION = String.raw`(?:/|file:|node:|webpack|turbopack|\[project\]|[A-Za-z]:\\|<anonymous>)[^\s()'"]*:\d+:\d+`;
export const STACK_TRACE = new RegExp(
  String.raw`\bat (?:(?:async |new )?[\w$.<>[\]/ -]+ \((?:${FRAME_LOCATION}|native|index \d+)\)|(?:async )?${FRAME_LOCATION})`,
);

export function describeRequest(request: RawRequest): string {
  return `${request.method ?? "GET"} ${request.path.slice(0, 300)} ${JSON.stringify(request.headers).slice(0, 400)} ${String(request.body ?? "").slice(0, 120)}`;
}

const NODE_MAX_HEADER_BYTES = 16 * 1024;
/** The smallest body limit of the site: the webhook's (server actions take 1 MB). */
const SMALLEST_BODY_LIMIT = 64 * 1024;

/**
 * Whether the server may close the connection on `request` without reading all of it, so the
 * client sees a reset instead of the answer (HTTP allows it, RFC 9110 §15.5.14): a head past
 * Node's 16 KB limit (431), or a body over 64 KB on a DELETE or OPTIONS, which the site answers
 * without reading a body. Measured with seed 20261204: every one of the 22 DELETE and OPTIONS
 * requests with a 70 KB body was reset, and none of the 53 POST, PUT and PATCH with one.
 */
export function closesUnread(request: RawRequest): boolean {
  const head =
    `${request.method ?? "GET"} ${request.path} HTTP/1.1\r\n`.length +
    Object.entries(request.headers ?? {}).reduce(
      (sum, [name, value]) => sum + name.length + String(value).length + 4,
      0,
    );
  const unreadBody =
    (request.method === "DELETE" || request.method === "OPTIONS") &&
    Buffer.byteLength(request.body ?? "") > SMALLEST_BODY_LIMIT;
  return head > NODE_MAX_HEADER_BYTES || unreadBody;
}
