import { request } from "node:http";

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
  body: string;
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
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
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
