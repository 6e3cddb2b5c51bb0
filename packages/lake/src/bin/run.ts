import { startLake } from "../http/server.ts";
import type { WebhookTarget } from "../engine/webhooks.ts";
import { loadLakeConfig } from "./config.ts";

export interface RunLakeOptions {
  /** Where `.env.local` and relative paths are found (default: the working directory). */
  root?: string;
  /**
   * The filter and projection of the LAKE_WEBHOOK_URLS webhooks, when the embedding application
   * defines them in code rather than in LAKE_WEBHOOK_FILTER / LAKE_WEBHOOK_PROJECTION.
   */
  webhook?: Omit<WebhookTarget, "url">;
}

/** Starts the lake from its environment, prints where it listens, and stops on SIGINT/SIGTERM. */
export async function runLake(options: RunLakeOptions = {}): Promise<void> {
  const config = loadLakeConfig(options.root ?? process.cwd());
  try {
    const lake = await startLake({
      host: config.host,
      port: config.port,
      dataDir: config.dataDir,
      token: config.token,
      webhooks: config.webhooks.map((target) => ({ ...target, ...options.webhook })),
      webhookSecret: config.webhookSecret,
      allowedOrigins: config.allowedOrigins,
      queryLimits: config.queryLimits,
    });
    console.log(
      `lake: ${lake.url} (Studio: ${lake.studioApiHost}, certificate: ${lake.certificatePath}) data: ${config.dataDir}`,
    );
    const stop = () => {
      lake.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    console.error(
      `lake: could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
