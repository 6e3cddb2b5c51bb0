import path from "node:path";
import type { LakeState } from "./context.ts";
import { DatasetRegistry } from "../engine/datasets.ts";
import { DEFAULT_ALLOWED_ORIGINS, toOrigin } from "./origins.ts";
import { QueryEngine } from "../engine/query-engine.ts";
import { DEFAULT_QUERY_LIMITS } from "../model/query-limits.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import { ensurePrivateDir } from "../persist/persistence.ts";
import type { CompactionLimits } from "../persist/persistence.ts";
import { createRequestHandler } from "./router.ts";
import { loadOrCreateCertificate } from "../persist/tls.ts";
import { DEFAULT_TIMEOUTS, listen } from "./transport.ts";
import type { ConnectionTimeouts } from "./transport.ts";
import { createWebhookDispatcher } from "../engine/webhooks.ts";
import type { WebhookTarget } from "../engine/webhooks.ts";

export interface LakeOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  projectId?: string;
  token: string;
  /**
   * GROQ-powered webhooks, as a Sanity project configures them: each a URL with the filter and
   * projection of what it is sent. Every delivery is signed with `webhookSecret`.
   */
  webhooks?: WebhookTarget[];
  webhookSecret?: string;
  /** Delay before the first retry of a webhook and its cap (default 0.5 s doubling to 30 s). */
  webhookRetry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Webhook deliveries kept waiting for their targets per dataset (default 10,000). */
  webhookMaxOwed?: number;
  /** When the transaction log is compacted into data.ndjson (tests lower it). */
  compaction?: Partial<CompactionLimits>;
  /**
   * Browser origins allowed to use the lake (`scheme://host:port`): the site's and the Studio's.
   * Requests from any other origin are refused. Default: DEFAULT_ALLOWED_ORIGINS.
   */
  allowedOrigins?: string[];
  /** Query limits (time, result size, …); see DEFAULT_QUERY_LIMITS. */
  queryLimits?: Partial<QueryLimits>;
  /** How long a silent connection is kept (tests lower it). */
  timeouts?: Partial<ConnectionTimeouts>;
  /** Comment lines on open event streams, which keep them from counting as idle (default 20 s). */
  heartbeatMs?: number;
}

export interface Lake {
  port: number;
  /** http://127.0.0.1:PORT — plain HTTP, for Node clients. */
  url: string;
  /** https://localhost:PORT — for the Studio (`https://<projectId>.localhost:PORT`). */
  studioApiHost: string;
  /** The self-signed certificate to trust once in a browser. */
  certificatePath: string;
  close(): Promise<void>;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/;

export function assertLoopback(host: string): void {
  if (!LOOPBACK.test(host)) {
    throw new Error(
      `The local lake binds to loopback only (127.0.0.1, ::1 or localhost), not "${host}": it is a development server.`,
    );
  }
}

export async function startLake(options: LakeOptions): Promise<Lake> {
  const host = options.host ?? "127.0.0.1";
  assertLoopback(host);
  if (options.token.length < 32) throw new Error("The lake's token must be at least 32 characters");
  const projectId = options.projectId ?? "local";
  const dataDir = path.resolve(options.dataDir);
  await ensurePrivateDir(dataDir);
  const webhooks = createWebhookDispatcher({
    targets: options.webhooks ?? [],
    secret: options.webhookSecret ?? "",
    projectId,
    ...options.webhookRetry,
  });
  const datasets = new DatasetRegistry(
    dataDir,
    { dispatcher: webhooks, maxOwed: options.webhookMaxOwed },
    options.compaction,
  );
  let port = options.port ?? 3999;
  const queryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const lake: LakeState = {
    projectId,
    token: options.token,
    dataDir,
    datasets,
    queries: new QueryEngine(queryLimits),
    queryLimits,
    baseUrl: () => `http://127.0.0.1:${port}`,
    allowedOrigins: new Set((options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS).map(toOrigin)),
    streams: new Set(),
    heartbeatMs: options.heartbeatMs ?? 20_000,
    keyValues: new Map(),
  };
  await datasets.openAll();
  const certificate = await loadOrCreateCertificate(path.join(dataDir, ".tls"));
  const hosts =
    host === "localhost" || host.startsWith("127.")
      ? [host === "localhost" ? "127.0.0.1" : host, "::1"]
      : [host, "127.0.0.1"];
  let transport;
  try {
    transport = await listen({
      hosts,
      port,
      certificate,
      handler: createRequestHandler(lake),
      timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    });
  } catch (error) {
    await lake.queries.close();
    await datasets.close();
    throw error;
  }
  port = transport.port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    studioApiHost: `https://localhost:${port}`,
    certificatePath: certificate.certPath,
    async close() {
      for (const stream of lake.streams) stream.end();
      await transport.close();
      await lake.queries.close();
      // Deliveries still owed stay in the log, for the next start.
      await webhooks.close();
      await datasets.close();
    },
  };
}
