import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A route handler (an app/api/**/route.ts POST) served over real HTTP in the test process, for
// callers that reach the site by URL, as the go-live watch reaches /api/revalidate.

export interface ServedRoute {
  /** http://127.0.0.1:<port><path> */
  url: string;
  /** Every answer, in order, with its JSON body. */
  answered: Array<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function serveRoute(
  handler: (request: Request) => Promise<Response>,
  path: string,
): Promise<ServedRoute> {
  const answered: ServedRoute["answered"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      void handler(request).then(async (response) => {
        const body = (await response.json()) as Record<string, unknown>;
        answered.push({ status: response.status, body });
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    answered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
