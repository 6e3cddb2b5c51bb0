// `npm run lake`: the local Content Lake on its own.
import path from "node:path";
import { loadLocalLakeConfig } from "./local-config.ts";
import { startLake } from "./server.ts";

const root = process.cwd();
const { env, token, webhookSecret, allowedOrigins, queryLimits } = loadLocalLakeConfig(root);

try {
  const lake = await startLake({
    host: env.LAKE_HOST,
    port: env.LAKE_PORT,
    dataDir: path.resolve(root, env.LAKE_DATA_DIR),
    token,
    webhookUrls: env.LAKE_WEBHOOK_URLS,
    webhookSecret,
    allowedOrigins,
    queryLimits,
  });
  console.log(
    `lake: ${lake.url} (Studio: ${lake.studioApiHost}, certificate: ${lake.certificatePath}) data: ${path.resolve(root, env.LAKE_DATA_DIR)}`,
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
  console.error(`lake: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
