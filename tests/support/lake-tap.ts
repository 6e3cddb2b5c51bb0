// A pass-through in front of a lake that records every request it forwards: a test points one
// site instance at it (LAKE_PORT) to see what that instance asked the lake, and when. It can also
// hold back the lake's answer to one request, to put a change between a read and its use.
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
  /**
   * Holds back the lake's answer to the next request that `matches`: `answered` resolves once
   * the lake has answered it (the answer is then fixed, and kept here), `release` passes it on.
   */
  holdNext(matches: (request: LakeRequest) => boolean): HeldAnswer;
  close(): Promise<void>;
}

export interface HeldAnswer {
  answered: Promise<void>;
  release(): void;
}

interface Hold {
  matches: (request: LakeRequest) => boolean;
  answered: () => void;
  released: Promise<void>;
}

export async function startLakeTap(lakePort: number): Promise<LakeTap> {
  const requests: LakeRequest[] = [];
  const holds: Hold[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const recorded: LakeRequest = {
        method: incoming.method ?? "GET",
        url: safeDecode(incoming.url ?? "/"),
        body: body.toString(),
      };
      requests.push(recorded);
      const holding = holds.findIndex((hold) => hold.matches(recorded));
      const hold = holding >= 0 ? holds.splice(holding, 1)[0] : undefined;
      const upstream = forward(
        {
          host: "127.0.0.1",
          port: lakePort,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (response) => {
          if (!hold) {
            outgoing.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(outgoing);
            return;
          }
          const answer: Buffer[] = [];
          response.on("data", (chunk: Buffer) => answer.push(chunk));
          response.on("end", () => {
            hold.answered();
            void hold.released.then(() => {
              outgoing.writeHead(response.statusCode ?? 502, response.headers);
              outgoing.end(Buffer.concat(answer));
            });
          });
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
    holdNext(matches) {
      let answered!: () => void;
      let release!: () => void;
      const hold: Hold = {
        matches,
        answered: () => answered(),
        released: new Promise<void>((resolve) => (release = resolve)),
      };
      const whenAnswered = new Promise<void>((resolve) => (answered = resolve));
      holds.push(hold);
      return { answered: whenAnswered, release };
    },
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
