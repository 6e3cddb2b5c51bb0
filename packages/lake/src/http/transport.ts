import { createServer as createHttpServer } from "node:http";
import { createSecureServer } from "node:http2";
import net from "node:net";
import type { Certificate } from "../persist/tls.ts";
import type { Req, Res } from "./http.ts";

const TLS_HANDSHAKE = 0x16;

export interface Transport {
  port: number;
  close(): Promise<void>;
}

/** How long a connection may stay silent. Open event streams are never idle: they send heartbeats. */
export interface ConnectionTimeouts {
  /** Until the first byte, the end of the TLS handshake and the end of an HTTP/1.1 request head. */
  headersMs: number;
  /** An HTTP/1.1 keep-alive connection between requests, or an HTTP/2 session without traffic. */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { headersMs: 30_000, idleMs: 65_000 };

/**
 * One port, two protocols: Node clients speak plain HTTP/1.1, the Studio in a browser needs
 * HTTPS with HTTP/2 (over HTTP/1.1 Chromium's six connections per host stall an open document's
 * listeners). The first byte of each connection tells them apart: 0x16 opens a TLS handshake.
 */
export async function listen(options: {
  hosts: string[];
  port: number;
  certificate: Certificate;
  handler: (req: Req, res: Res) => void;
  timeouts?: ConnectionTimeouts;
}): Promise<Transport> {
  const { headersMs, idleMs } = options.timeouts ?? DEFAULT_TIMEOUTS;
  const http1 = {
    keepAliveTimeout: idleMs,
    headersTimeout: headersMs,
    requestTimeout: Math.max(300_000, headersMs + 1),
    connectionsCheckingInterval: Math.min(30_000, Math.max(10, Math.floor(headersMs / 4))),
  };
  const plain = createHttpServer(http1, options.handler);
  const secure = createSecureServer(
    {
      key: options.certificate.key,
      cert: options.certificate.cert,
      allowHTTP1: true,
      handshakeTimeout: headersMs,
      ...http1,
    },
    options.handler,
  );
  // An HTTP/2 session with no traffic (event streams send heartbeats) is closed.
  secure.setTimeout(idleMs);
  // Node enforces headersTimeout and requestTimeout by a sweep that starts on 'listening'; these
  // servers never listen themselves (connections are handed to them below), so start it here.
  plain.emit("listening");
  secure.emit("listening");
  const sockets = new Set<net.Socket>();
  const sessions = new Set<{ close(): void; destroy(): void }>();
  secure.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  secure.on("tlsClientError", () => undefined);

  const route = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    // A connection that never sends a byte would otherwise wait here forever.
    const silent = () => socket.destroy();
    socket.setTimeout(headersMs, silent);
    socket.once("data", (chunk: Buffer) => {
      socket.setTimeout(0);
      socket.off("timeout", silent);
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === TLS_HANDSHAKE ? secure : plain).emit("connection", socket);
      process.nextTick(() => socket.resume());
    });
  };

  const servers: net.Server[] = [];
  let port = options.port;
  for (const [index, host] of options.hosts.entries()) {
    const server = net.createServer(route);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen({ host, port, ipv6Only: host.includes(":") }, () => resolve());
      });
    } catch (error) {
      // The first host is the one asked for; the others (e.g. ::1 when IPv6 is off) are a bonus.
      if (index === 0) throw error;
      continue;
    }
    servers.push(server);
    if (index === 0) port = (server.address() as net.AddressInfo).port;
  }

  return {
    port,
    async close() {
      const closed = Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      plain.closeAllConnections();
      // Stops the sweeps started above (neither server is listening, so close() only reports that).
      plain.close(() => undefined);
      secure.close(() => undefined);
      await closed;
    },
  };
}
