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

describe("malformed requests", () => {
  it("answers a malformed percent-escape anywhere in the path with a 400, not a 500", async () => {
    const paths = [
      "/v1/data/query/%E0%A4%A",
      "/v1/data/doc/production/post-%FF",
      "/v1/data/listen/%E0",
      "/v1/users/me/keyvalue/a,%E0%A4",
      "/v1/%ZZ/anything",
    ];
    for (const path of paths) {
      const response = await request(`${t.lake.url}${path}`, { token: t.token });
      expect(response, path).toMatchObject({
        status: 400,
        body: { error: "Bad Request", message: expect.stringContaining("percent-encoding") },
      });
    }
  });
});
