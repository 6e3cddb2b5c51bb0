// A pass-through in front of a lake that records every request it forwards: a test points one
// site instance at it (LAKE_PORT) to see what that instance asked the lake, and when.
import { createServer, request as forward } from "node:http";
import { freePort } from "./ports.ts";

export interface LakeRequest {
  method: string;
  /** Path and query string, decoded. */
  url: string;
  body: string;
}

export interface LakeTap {
  port: number;
  /** Everything forwarded so far, oldest first. */
  readonly requests: readonly LakeRequest[];
  /** Requests to the lake's query endpoint whose URL or body mentions `text`. */
  queriesMentioning(text: string): LakeRequest[];
  close(): Promise<void>;
}

export async function startLakeTap(lakePort: number): Promise<LakeTap> {
  const requests: LakeRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({
        method: incoming.method ?? "GET",
        url: safeDecode(incoming.url ?? "/"),
        body: body.toString(),
      });
      const upstream = forward(
        {
          host: "127.0.0.1",
          port: lakePort,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        },
      );
      upstream.on("error", () => outgoing.destroy());
      upstream.end(body);
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    requests,
    queriesMentioning: (text) =>
      requests.filter(
        ({ url, body }) =>
          url.includes("/data/query/") && (url.includes(text) || body.includes(text)),
      ),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
