import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNginx, type TestNginx } from "../../support/nginx.ts";

// deploy/nginx/daily-insight.conf as tests/support/nginx.ts runs it, in front of an upstream of
// the test's own, so that a public page can answer with what no page of the site sends today: a
// cookie. The file's promise is that such a response is never kept for the next reader (nginx's
// own rule while Set-Cookie stays out of proxy_ignore_headers). The full site behind the same
// file is tests/e2e/shared-cache.spec.ts.

let upstream: Server;
let nginx: TestNginx;
/** Requests the upstream answered, by path. */
const served = new Map<string, number>();

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://upstream").pathname;
    served.set(pathname, (served.get(pathname) ?? 0) + 1);
    // Cache-Control as Next sends it for a prerendered page, which the file keeps for a second.
    response.setHeader("cache-control", "s-maxage=31536000");
    response.setHeader("content-type", "text/html");
    if (pathname.startsWith("/with-cookie")) response.setHeader("set-cookie", "reader=a; Path=/");
    response.end(`<p>${pathname}</p>`);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const address = upstream.address();
  if (typeof address !== "object" || !address) throw new Error("upstream not listening");
  nginx = await startNginx([`127.0.0.1:${address.port}`]);
});

afterAll(async () => {
  await nginx?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
});

/** Two requests in a row through nginx: the second's X-Cache-Status and the upstream's count. */
async function twice(pathname: string) {
  await fetch(`${nginx.url}${pathname}`);
  const second = await fetch(`${nginx.url}${pathname}`);
  await second.text();
  return { status: second.headers.get("x-cache-status"), upstream: served.get(pathname) };
}

describe("nginx's microcache (deploy/nginx)", () => {
  it("keeps a public page for the next reader", async () => {
    expect(await twice("/topics/markets")).toEqual({ status: "HIT", upstream: 1 });
  });

  it("never keeps a public page whose response sets a cookie", async () => {
    // Both readers reached an instance, and each got only their own cookie.
    expect(await twice("/with-cookie/topics/markets")).toEqual({ status: "MISS", upstream: 2 });
  });
});
