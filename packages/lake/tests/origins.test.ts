import http from "node:http";
import http2 from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedOriginsFor, parseLakeEnv as parseEnv } from "../src/bin/config.ts";
import { request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

const QUERY = `/v2025-02-19/data/query/production?query=${encodeURIComponent("count(*)")}`;
const accessControl = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith("access-control-"));

const preflight = (url: string, origin: string) =>
  fetch(`${url}${QUERY}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization",
      "access-control-request-private-network": "true",
    },
  });

/** A request under any Host header (fetch sets its own), over plain HTTP/1.1. */
const withHost = (host: string, path = QUERY) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.get(`${t.lake.url}${path}`, { headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });

/** The same over HTTP/2, where the name travels as `:authority`. */
const withAuthority = (authority: string) =>
  new Promise<number>((resolve, reject) => {
    const session = http2.connect(`https://localhost:${t.lake.port}`, {
      rejectUnauthorized: false,
    });
    session.on("error", reject);
    const stream = session.request({ ":path": QUERY, ":authority": authority });
    stream.on("response", (headers) => {
      resolve(Number(headers[":status"]));
      session.close();
    });
    stream.resume();
    stream.end();
  });

describe("browser origins", () => {
  it("answers the site's and the Studio's origins with CORS, private network access included", async () => {
    for (const origin of ["http://localhost:3000", "http://localhost:3333"]) {
      const response = await preflight(t.lake.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      expect(response.headers.get("access-control-allow-private-network")).toBe("true");
      const get = await fetch(`${t.lake.url}${QUERY}`, { headers: { origin } });
      expect(get.status).toBe(200);
      expect(get.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("refuses any other origin with a 403 that carries no CORS header at all", async () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "http://localhost:3001",
      "https://localhost:3000",
    ]) {
      const response = await preflight(t.lake.url, origin);
      expect(response.status, origin).toBe(403);
      expect(accessControl(response.headers), origin).toEqual([]);
      const get = await request(`${t.lake.url}${QUERY}`, { headers: { origin } });
      expect(get).toMatchObject({
        status: 403,
        body: { message: expect.stringContaining(origin) },
      });
      expect(accessControl(get.headers)).toEqual([]);
    }
    // Not even with the token: a page cannot write through a developer's lake.
    const write = await request(`${t.lake.url}/v2025-02-19/data/mutate/production`, {
      method: "POST",
      token: t.token,
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      body: JSON.stringify({ mutations: [{ create: { _id: "from-evil", _type: "t" } }] }),
    });
    expect(write.status).toBe(403);
    expect(await t.client.getDocument("from-evil")).toBeUndefined();
  });

  it("answers requests without an Origin (servers, curl) as before, without CORS headers", async () => {
    const response = await fetch(`${t.lake.url}${QUERY}`);
    expect(response.status).toBe(200);
    expect(accessControl(response.headers)).toEqual([]);
  });

  it("takes its origins from the lake's options, LAKE_CORS_ORIGINS or SITE_URL", async () => {
    const studioOnly = await startTestLake({ allowedOrigins: ["https://studio.example.com/"] });
    try {
      expect((await preflight(studioOnly.lake.url, "https://studio.example.com")).status).toBe(204);
      expect((await preflight(studioOnly.lake.url, "http://localhost:3000")).status).toBe(403);
    } finally {
      await studioOnly.cleanup();
    }
    expect(allowedOriginsFor(parseEnv({}))).toEqual([
      "http://localhost:3000",
      "http://localhost:3333",
    ]);
    expect(
      allowedOriginsFor(parseEnv({ SITE_URL: "https://insight.example/", PORT: "4000" })),
    ).toEqual(["https://insight.example", "http://localhost:4000", "http://localhost:3333"]);
    expect(
      allowedOriginsFor(
        parseEnv({ LAKE_CORS_ORIGINS: "https://a.example/studio, http://localhost:5173" }),
      ),
    ).toEqual(["https://a.example", "http://localhost:5173"]);
    expect(() => parseEnv({ LAKE_CORS_ORIGINS: "localhost:3000" })).toThrow(/LAKE_CORS_ORIGINS/);
    expect(() => parseEnv({ LAKE_CORS_ORIGINS: "ftp://files.example" })).toThrow(
      /LAKE_CORS_ORIGINS/,
    );
  });
});

describe("host names (DNS rebinding)", () => {
  it("answers loopback names, with or without a port", async () => {
    const port = t.lake.port;
    for (const host of [
      `127.0.0.1:${port}`,
      "127.0.0.1",
      `localhost:${port}`,
      "LOCALHOST",
      `local.localhost:${port}`,
      `[::1]:${port}`,
    ])
      expect((await withHost(host)).status, host).toBe(200);
    expect(await withAuthority(`local.localhost:${port}`)).toBe(200);
  });

  it("refuses any other name with a 403 that says why, over HTTP/1.1 and HTTP/2", async () => {
    const port = t.lake.port;
    for (const host of [
      `evil.example:${port}`,
      "localhost.evil.example",
      `127.0.0.1.nip.io:${port}`,
      `[::2]:${port}`,
    ]) {
      const response = await withHost(host);
      expect(response.status, host).toBe(403);
      expect(response.body).toContain("loopback");
    }
    expect(await withAuthority(`evil.example:${port}`)).toBe(403);
  });
});
