import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { badRequest, httpError, LakeError } from "../model/errors.ts";
import { parseClientJson } from "../model/json.ts";

/** What the handlers use of an HTTP/1.1 or HTTP/2 (compatibility API) request and response. */
export interface Req extends AsyncIterable<Buffer> {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
  on(event: "close", listener: () => void): unknown;
}

export interface Res {
  readonly headersSent: boolean;
  writeHead(status: number, headers?: Record<string, string>): unknown;
  write(chunk: string | Buffer): boolean;
  end(): unknown;
  end(chunk: string | Buffer): unknown;
  on(event: "close", listener: () => void): unknown;
}
export type Auth = "anonymous" | "token" | "invalid";

const corsAllowed = new WeakSet<Req>();

/** Marks a request as coming from an allowed browser origin (see origins.ts). */
export function allowCors(req: Req): void {
  corsAllowed.add(req);
}

/**
 * CORS as the Studio needs it, for an allowed origin only: echo the origin (with credentials) and
 * the requested headers. Any other request gets none.
 */
export function corsHeaders(req: Req): Record<string, string> {
  const origin = req.headers.origin;
  if (typeof origin !== "string" || !corsAllowed.has(req)) return {};
  const headers: Record<string, string> = {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-max-age": "600",
    vary: "Origin",
  };
  const requested = req.headers["access-control-request-headers"];
  if (typeof requested === "string") headers["access-control-allow-headers"] = requested;
  if (req.headers["access-control-request-private-network"] === "true")
    headers["access-control-allow-private-network"] = "true";
  return headers;
}

export function sendJson(
  req: Req,
  res: Res,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonText(req, res, status, JSON.stringify(body), headers);
}

/** A body that is JSON text already. */
export function sendJsonText(
  req: Req,
  res: Res,
  status: number,
  json: string,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.from(json);
  res.writeHead(status, {
    ...corsHeaders(req),
    "content-type": "application/json; charset=utf-8",
    "content-length": String(payload.length),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(payload);
}

export function sendBytes(
  req: Req,
  res: Res,
  status: number,
  body: Buffer | string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, {
    ...corsHeaders(req),
    "content-type": contentType,
    "content-length": String(payload.length),
    ...headers,
  });
  res.end(payload);
}

export async function readBody(req: Req, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit)
    throw httpError(413, "Payload Too Large", `Request body exceeds ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += chunk.length;
      if (size > limit)
        throw httpError(413, "Payload Too Large", `Request body exceeds ${limit} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof LakeError) throw error;
    // The client went away (or broke the framing) in the middle of its body.
    throw badRequest("The request body was cut off before its end");
  }
  return Buffer.concat(chunks);
}

export async function readJson(
  req: Req,
  limit = 32 * 1024 * 1024,
): Promise<Record<string, unknown>> {
  const body = parseClientJson((await readBody(req, limit)).toString("utf8"), "body");
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw badRequest("Request body must be a JSON object");
  return body as Record<string, unknown>;
}

/** Compares the bearer token in constant time (hashing first makes the lengths equal). */
export function authenticate(req: Req, token: string): Auth {
  const header = req.headers.authorization;
  if (typeof header !== "string" || header === "") return "anonymous";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match?.[1]) return "invalid";
  const given = createHash("sha256").update(match[1]).digest();
  const expected = createHash("sha256").update(token).digest();
  return timingSafeEqual(given, expected) ? "token" : "invalid";
}

/** A percent-encoded path segment, decoded; a malformed escape (`%E0%A4%A`) is the client's error. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Malformed percent-encoding in the request path: "${segment}"`);
  }
}

export function flag(value: string | null, fallback: boolean): boolean {
  if (value === null || value === "") return fallback;
  return value !== "false" && value !== "0";
}
