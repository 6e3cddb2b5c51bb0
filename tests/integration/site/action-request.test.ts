import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ACTION_BODY_LIMIT, checkActionRequest } from "@/lib/http/action-request";

vi.mock("server-only", () => ({}));
const { actionIndex, pagePattern } = await import("@/lib/http/action-ids");

// lib/http/action-request.ts against React itself: bodies written by React's own encoder (what the
// browser sends) must pass, and every body the check lets through must be one React's server
// decoder (what Next runs next) reads without an error. The second half is generated: thousands
// of mangled bodies from a fixed seed, so a failure reproduces.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const require = createRequire(import.meta.url);
const { encodeReply } = require(
  path.join(
    ROOT,
    "node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.node.production.js",
  ),
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

const ID = "7fd984f04d77773b0fc329689c106112780b8c530e";
// This build's actions, as lib/http/action-ids.ts reads them from Next's manifest.
const CACHED_READ = "f0f8eaae64314076e3235c779c164168c0952b272f";
const KNOWN = actionIndex({
  [ID]: { workers: { "app/(account)/watchlist/page": {}, "app/(account)/signin/page": {} } },
  [CACHED_READ]: {
    workers: { "app/(account)/signin/page": {} },
    exportedName: "$$RSC_SERVER_CACHE_0",
  },
});
const check = (request: Request) =>
  checkActionRequest(request, KNOWN, new URL(request.url).pathname);
const HOST = "insight.example";
type Entries = Array<[string, string]>;

function actionRequest(entries: Entries, headers: Record<string, string> = {}) {
  const isText = entries.length === 1 && entries[0]?.[0] === "0";
  const body = isText ? entries[0]?.[1] : formOf(entries);
  return new Request(`https://${HOST}/watchlist`, {
    method: "POST",
    headers: {
      host: HOST,
      "next-action": ID,
      ...(isText ? { "content-type": "text/plain" } : {}),
      ...headers,
    },
    body,
  });
}

function formOf(entries: Entries): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

async function encoded(args: unknown[]): Promise<Entries> {
  const body = await encodeReply(args);
  return typeof body === "string" ? [["0", body]] : ([...body.entries()] as Entries);
}

/** React's server decoder's answers, from a process with the react-server condition. */
function decodeWithReact(bodies: Entries[]): Array<{ ok: boolean; error?: string }> {
  const result = spawnSync(
    path.join(ROOT, "node_modules/.bin/node"),
    ["--conditions=react-server", path.join(ROOT, "tests/support/decode-reply.ts")],
    { cwd: ROOT, input: JSON.stringify(bodies), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`decode-reply failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Array<{ ok: boolean; error?: string }>;
}

describe("server action requests", () => {
  it("accepts what React's encoder writes for this site's actions", async () => {
    const form = new FormData();
    form.append("symbol", "IWM");
    form.append("intent", "watch");
    const shared = { status: "idle" };
    const argLists: unknown[][] = [
      [{ status: "idle" }, form],
      [{ status: "refused", message: "x" }, form],
      [],
      ["drafts"],
      ["published", { variant: null }],
      [shared, shared],
      [undefined, new Date(0), 10n, Number.NaN, -0, Infinity, "$dollar"],
    ];
    const bodies = await Promise.all(argLists.map(encoded));
    for (const entries of bodies) {
      expect(await check(actionRequest(entries)), JSON.stringify(entries)).toEqual({ ok: true });
    }
    expect(decodeWithReact(bodies).every((answer) => answer.ok)).toBe(true);
  });

  it("refuses what React's decoder fails on, with a 400 that says so", async () => {
    for (const text of [
      "not json",
      "[",
      '{"a":',
      '["$Q1"]',
      '["$@1"]',
      '["$1"]',
      '["$h1"]',
      '["$B1"]',
      '["$nabc"]',
      '["$Dnot-a-date"]',
      '[{"a":"$0:b"}]',
      '"$F1"',
    ]) {
      const verdict = await check(actionRequest([["0", text]]));
      expect(verdict, text).toMatchObject({ ok: false, status: 400 });
      expect((verdict as { message: string }).message, text).toMatch(
        /^This form could not be read/,
      );
    }
    const multipart = await check(
      new Request(`https://${HOST}/watchlist`, {
        method: "POST",
        headers: {
          host: HOST,
          "next-action": ID,
          "content-type": "multipart/form-data; boundary=x",
        },
        body: "garbage",
      }),
    );
    expect(multipart).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses a multipart form that names no action on a page, not on a route handler", async () => {
    const form = (path: string) =>
      new Request(`https://${HOST}${path}`, {
        method: "POST",
        headers: { host: HOST },
        body: formOf([["x", "y"]]),
      });
    // Next decodes it as an action it cannot find: a 500 before this check.
    for (const path of ["/tickers", "/insights/any", "/no-such-page"]) {
      expect(await check(form(path)), path).toMatchObject({ ok: false, status: 400 });
    }
    expect(await check(form("/api/unsubscribe"))).toEqual({ ok: true });
    // A url-encoded one is not an action to Next: the page answers it.
    const urlEncoded = new Request(`https://${HOST}/tickers`, {
      method: "POST",
      headers: { host: HOST, "content-type": "application/x-www-form-urlencoded" },
      body: "x=y",
    });
    expect(await check(urlEncoded)).toEqual({ ok: true });
  });

  it("lets through only bodies React decodes, over thousands of mangled ones", async () => {
    let seed = 0x5eed;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const tokens = [
      "$",
      "$$",
      "$@",
      "$Q",
      "$W",
      "$K",
      "$h",
      "$T",
      "$D",
      "$n",
      "$i",
      "$B",
      "$R",
      "$X",
      "$A",
      "$0",
      "$1",
      "$2",
      "$a",
      "$0:0",
      "$1:0",
      "$0:x",
      "$undefined",
      "$-0",
      "$Infinity",
      "$NaN",
      "$n1",
      "$D2026-01-01",
      "$K1",
      "$K2",
      "$Z",
      "$:",
      "$0:",
      "$1:a:b",
    ];
    const values = () => {
      const roll = random();
      if (roll < 0.5)
        return JSON.stringify(
          pick(tokens) + (random() < 0.3 ? pick(["1", "f", "zz", "10", ":0", ""]) : ""),
        );
      if (roll < 0.7) return String(Math.floor(random() * 100));
      if (roll < 0.8) return '{"status":"idle"}';
      if (roll < 0.9) return "[]";
      return JSON.stringify(pick(["IWM", "", "$$IWM", null, true]));
    };
    const bodies: Entries[] = [];
    for (let n = 0; n < 3000; n += 1) {
      const parts: Entries = [];
      const root = Array.from({ length: 1 + Math.floor(random() * 3) }, values);
      let rootText = `[${root.join(",")}]`;
      if (random() < 0.1) rootText = rootText.slice(0, Math.floor(random() * rootText.length));
      parts.push(["0", rootText]);
      if (random() < 0.5)
        parts.push([
          pick(["1", "2", "a", "10"]),
          pick(["[]", '{"0":1}', '"x"', "[1,2]", "{", '["$0"]', '{"b":"$1:b"}']),
        ]);
      if (random() < 0.3) parts.push([pick(["_1_symbol", "_2_x", "1_symbol"]), "IWM"]);
      bodies.push(parts);
    }
    const accepted: Entries[] = [];
    for (const entries of bodies) {
      if ((await check(actionRequest(entries))).ok) accepted.push(entries);
    }
    // The generator must reach both sides, or it proves nothing.
    expect(accepted.length).toBeGreaterThan(200);
    expect(bodies.length - accepted.length).toBeGreaterThan(500);
    const answers = decodeWithReact(accepted);
    const failures = accepted.filter((_, index) => !answers[index]?.ok);
    expect(
      failures.map((entries, index) => ({ entries, error: answers[index]?.error })).slice(0, 3),
    ).toEqual([]);
  }, 60_000);

  it("refuses an Origin from another site, as Next would, but with a 403", async () => {
    const body: Entries = [["0", "[]"]];
    for (const origin of [
      "https://evil.example",
      "null",
      "not a url",
      "https://insight.example.evil.example",
    ]) {
      const verdict = await check(actionRequest(body, { origin }));
      expect(verdict, origin).toMatchObject({ ok: false, status: 403 });
    }
    expect(await check(actionRequest(body, { origin: `https://${HOST}` }))).toEqual({ ok: true });
    // Behind a proxy, the host the browser asked for is in X-Forwarded-Host.
    expect(
      await check(
        actionRequest(body, {
          origin: "https://public.example",
          "x-forwarded-host": "public.example",
        }),
      ),
    ).toEqual({ ok: true });
    expect(await check(actionRequest(body))).toEqual({ ok: true });
  });

  it("refuses an action this build does not have, from a script or a form posted without JavaScript", async () => {
    const fetchAction = await check(actionRequest([["0", "[]"]], { "next-action": "deadbeef" }));
    expect(fetchAction).toMatchObject({ ok: false, status: 404 });
    const form = (entries: Entries) =>
      check(
        new Request(`https://${HOST}/signin`, {
          method: "POST",
          headers: { host: HOST },
          body: formOf(entries),
        }),
      );
    expect(
      await form([
        ["$ACTION_ID_deadbeef", ""],
        ["email", "a@b.c"],
      ]),
    ).toMatchObject({ ok: false, status: 404 });
    expect(
      await form([
        [`$ACTION_ID_${ID}`, ""],
        ["email", "a@b.c"],
      ]),
    ).toEqual({ ok: true });
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "{"],
      ]),
    ).toMatchObject({ ok: false, status: 400 });
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"deadbeef","bound":null}'],
      ]),
    ).toMatchObject({ ok: false, status: 404 });
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", `{"id":"${ID}","bound":"$@1"}`],
        ["$ACTION_1:1", "[{}]"],
      ]),
    ).toEqual({ ok: true });
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", `{"id":"${ID}","bound":"$@1"}`],
      ]),
    ).toMatchObject({ ok: false, status: 400 });
    // A multipart form that names no action: Next looks for one and answers 500.
    expect(await form([["q", "x"]])).toMatchObject({ ok: false, status: 400 });
  });

  it("refuses a body over Next's 1 MB limit with a 413", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT + 1);
    expect(await check(actionRequest([["0", JSON.stringify([big])]]))).toMatchObject({
      ok: false,
      status: 413,
    });
    const declared = await check(
      actionRequest([["0", "[]"]], { "content-length": String(2 * ACTION_BODY_LIMIT) }),
    );
    expect(declared).toMatchObject({ ok: false, status: 413 });
  });
});

describe("the pages an action belongs to", () => {
  it("reads Next's page names as the URLs they serve", () => {
    const cases: Array<[string, string[], string[]]> = [
      ["app/(site)/page", ["/"], ["/tickers", "/x"]],
      [
        "app/(site)/insights/[slug]/page",
        ["/insights/a-post", "/insights/a-post/"],
        ["/insights", "/insights/a/b"],
      ],
      ["app/(studio)/studio/[[...tool]]/page", ["/studio", "/studio/structure/post"], ["/studiox"]],
      ["app/(site)/latest/[page]/page", ["/latest/2"], ["/latest"]],
      ["app/(account)/watchlist/page", ["/watchlist"], ["/watchlist/export"]],
    ];
    for (const [worker, yes, no] of cases) {
      for (const path of yes)
        expect(pagePattern(worker).test(path), `${worker} ${path}`).toBe(true);
      for (const path of no)
        expect(pagePattern(worker).test(path), `${worker} ${path}`).toBe(false);
    }
  });

  it("refuses a call of a 'use cache' function, which would run with any arguments", async () => {
    const request = new Request(`https://${HOST}/signin`, {
      method: "POST",
      headers: { host: HOST, "next-action": CACHED_READ, "content-type": "text/plain" },
      body: JSON.stringify(['*[_type == "sanity.previewUrlSecret"]', {}, []]),
    });
    expect(await check(request)).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses an action posted to a page that does not have it (Next answers 500)", async () => {
    const form = new FormData();
    form.append(`$ACTION_ID_${ID}`, "");
    const post = (pathname: string) =>
      check(
        new Request(`https://${HOST}${pathname}`, {
          method: "POST",
          headers: { host: HOST },
          body: form,
        }),
      );
    expect(await post("/signin")).toEqual({ ok: true });
    expect(await post("/")).toMatchObject({ ok: false, status: 404 });
    expect(await check(actionRequest([["0", "[]"]]))).toEqual({ ok: true });
    const elsewhere = new Request(`https://${HOST}/tickers`, {
      method: "POST",
      headers: { host: HOST, "next-action": ID, "content-type": "text/plain" },
      body: "[]",
    });
    expect(await check(elsewhere)).toMatchObject({ ok: false, status: 404 });
  });
});
