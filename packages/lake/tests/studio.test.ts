import http2 from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

// The embedded Studio runs on the site, whose origin the lake allows by default.
const ORIGIN = "http://localhost:3000";

describe("what the Studio needs", () => {
  it("users/me needs the token", async () => {
    expect(await request(`${t.lake.url}/v2025-02-19/users/me`)).toMatchObject({
      status: 401,
      body: { error: "Unauthorized" },
    });
    expect(
      await request(`${t.lake.url}/v2025-02-19/users/me`, { token: "wrong".repeat(8) }),
    ).toMatchObject({ status: 401 });
    expect(await request(`${t.lake.url}/v2025-02-19/users/me`, { token: t.token })).toMatchObject({
      status: 200,
      body: { id: expect.any(String), roles: [{ name: "administrator" }] },
    });
  });

  it("answers the project, dataset, acl and quiet endpoints", async () => {
    const get = (p: string) => request(`${t.lake.url}/v2025-02-19${p}`, { token: t.token });
    expect(await get("/projects/local")).toMatchObject({ status: 200, body: { id: "local" } });
    expect(await get("/projects/local/datasets")).toMatchObject({
      status: 200,
      body: [{ name: "production" }],
    });
    expect(await get("/projects/local/datasets/production/acl")).toMatchObject({
      status: 200,
      body: [{ filter: '_id in path("**")' }],
    });
    expect(await get("/intake/telemetry-status")).toMatchObject({ body: { status: "denied" } });
    expect(await get("/features")).toMatchObject({ body: [] });
    expect(await get("/users/me/keyvalue/a,b")).toMatchObject({
      body: [
        { key: "a", value: null },
        { key: "b", value: null },
      ],
    });
  });

  it("answers CORS preflights with 204, echoing origin and requested headers", async () => {
    const response = await fetch(`${t.lake.url}/v2025-02-19/data/query/production`, {
      method: "OPTIONS",
      headers: {
        origin: ORIGIN,
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization, content-type, x-sanity-app",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "authorization, content-type, x-sanity-app",
    );
  });

  it("serves HTTPS with HTTP/2 on the same port", async () => {
    const session = http2.connect(`https://localhost:${t.lake.port}`, {
      rejectUnauthorized: false,
    });
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const stream = session.request({
          ":path": "/v2025-02-19/users/me",
          authorization: `Bearer ${t.token}`,
        });
        let data = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => (data += chunk));
        stream.on("end", () => resolve(data));
        stream.on("error", reject);
        stream.end();
      });
      expect(JSON.parse(body)).toMatchObject({ id: expect.any(String) });
      expect(session.alpnProtocol).toBe("h2");
    } finally {
      session.close();
    }
  });
});
