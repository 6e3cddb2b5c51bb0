import { request } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync, zstdDecompressSync } from "node:zlib";

// One HTTP/1.1 request exactly as given: any method, path, Host and headers, from a chosen
// local address (127.0.0.0/8 is all this machine, so a test can be a client of its own for
// per-IP limits), with what a browser or fetch would refuse to send. For hostile-input tests.

export interface RawRequest {
  port: number;
  host?: string;
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** The address the connection comes from (e.g. 127.0.0.77). */
  localAddress?: string;
  timeoutMs?: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body's bytes as UTF-8, still in its Content-Encoding (see decodedBody). */
  body: string;
  bytes: Buffer;
}

export function rawRequest(options: RawRequest): Promise<RawResponse> {
  const { port, host = "127.0.0.1", method = "GET", path, headers = {}, body } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host,
        port,
        method,
        path,
        headers,
        localAddress: options.localAddress,
        setHost: !Object.keys(headers).some((name) => name.toLowerCase() === "host"),
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bytes.toString("utf8"),
            bytes,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: no answer in time`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** Cookies a response sets, as name → value. */
export function setCookies(response: RawResponse): Map<string, string> {
  const raw = response.headers["set-cookie"] ?? [];
  const cookies = new Map<string, string>();
  for (const cookie of Array.isArray(raw) ? raw : [raw]) {
    const [pair = ""] = cookie.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

const DECODERS: Record<string, (bytes: Buffer) => Buffer> = {
  gzip: gunzipSync,
  "x-gzip": gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
  zstd: zstdDecompressSync,
  identity: (bytes) => bytes,
};

/** The body as text with its Content-Encoding undone; throws on an encoding it does not know. */
export function decodedBody(response: RawResponse): string {
  const header = response.headers["content-encoding"];
  const codings = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter(Boolean);
  // A HEAD, 204 or 304 answer names the coding of a body it does not send.
  if (response.bytes.length === 0) return "";
  let bytes = response.bytes;
  // Codings are listed in the order they were applied.
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (!decode) throw new Error(`unknown Content-Encoding ${coding}`);
    bytes = decode(bytes);
  }
  return bytes.toString("utf8");
}
