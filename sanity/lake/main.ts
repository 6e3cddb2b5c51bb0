// `npm run lake`: the local Content Lake on its own.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../../lib/env-schema.ts";
import type { Env } from "../../lib/env-schema.ts";
import { ensureLocalSecrets } from "./secrets.ts";
import { startLake } from "./server.ts";

const root = process.cwd();
const envFile = path.join(root, ".env.local");
if (existsSync(envFile)) process.loadEnvFile(envFile);

let env: Env;
try {
  env = parseEnv(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (env.NODE_ENV === "production" && !env.LAKE_ALLOW_PRODUCTION) {
  console.error(
    "The local Content Lake is a development server and refuses NODE_ENV=production.\n" +
      "Configure a hosted Sanity project (SANITY_PROJECT_ID) for production, or set LAKE_ALLOW_PRODUCTION=1 to run it anyway.",
  );
  process.exit(1);
}

// Secrets set in the environment win; only missing ones are generated into .env.local.
const secrets =
  env.SANITY_API_WRITE_TOKEN && env.SANITY_WEBHOOK_SECRET
    ? { token: env.SANITY_API_WRITE_TOKEN, webhookSecret: env.SANITY_WEBHOOK_SECRET }
    : ensureLocalSecrets(root);
try {
  const lake = await startLake({
    host: env.LAKE_HOST,
    port: env.LAKE_PORT,
    dataDir: path.resolve(root, env.LAKE_DATA_DIR),
    token: env.SANITY_API_WRITE_TOKEN ?? secrets.token,
    webhookUrls: env.LAKE_WEBHOOK_URLS,
    webhookSecret: env.SANITY_WEBHOOK_SECRET ?? secrets.webhookSecret,
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
