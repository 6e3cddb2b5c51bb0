// What a process that runs the local lake (`npm run lake`, `npm run dev`, `npm start`) needs
// before it starts: `.env.local` loaded, the environment validated, the production guard, and
// the lake's token and webhook secret (generated into `.env.local` on first run).
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv, type Env } from "../../lib/env-schema.ts";
import type { QueryLimits } from "./query-limits.ts";
import { ensureLocalSecrets } from "./secrets.ts";

export interface LocalLakeConfig {
  env: Env;
  token: string;
  webhookSecret: string;
  /** Browser origins the lake answers: LAKE_CORS_ORIGINS, else the site's and the Studio's. */
  allowedOrigins: string[];
  queryLimits: Partial<QueryLimits>;
}

/** The standalone Studio (`npm run studio`, sanity dev --port 3333). */
const STUDIO_ORIGIN = "http://localhost:3333";

export function allowedOriginsFor(env: Env): string[] {
  if (env.LAKE_CORS_ORIGINS.length > 0) return env.LAKE_CORS_ORIGINS;
  const site = new URL(env.SITE_URL).origin;
  return [...new Set([site, `http://localhost:${env.PORT}`, STUDIO_ORIGIN])];
}

/** Exits with a message a person can act on instead of a stack trace. */
export function loadLocalLakeConfig(root: string): LocalLakeConfig {
  const envFile = path.join(root, ".env.local");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  let env: Env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (env.NODE_ENV === "production" && !env.LAKE_ALLOW_PRODUCTION) {
    return fail(
      "The local Content Lake is a development server and refuses NODE_ENV=production.\n" +
        "Configure a hosted Sanity project (SANITY_PROJECT_ID) for production, or set LAKE_ALLOW_PRODUCTION=1 to run it anyway.",
    );
  }
  // Secrets set in the environment win; only missing ones are generated into .env.local.
  const secrets =
    env.SANITY_API_WRITE_TOKEN && env.SANITY_WEBHOOK_SECRET
      ? { token: env.SANITY_API_WRITE_TOKEN, webhookSecret: env.SANITY_WEBHOOK_SECRET }
      : ensureLocalSecrets(root);
  return {
    env,
    token: env.SANITY_API_WRITE_TOKEN ?? secrets.token,
    webhookSecret: env.SANITY_WEBHOOK_SECRET ?? secrets.webhookSecret,
    allowedOrigins: allowedOriginsFor(env),
    queryLimits: {
      timeoutMs: env.LAKE_QUERY_TIMEOUT_MS,
      maxResultBytes: Math.round(env.LAKE_QUERY_MAX_RESULT_MB * 1024 * 1024),
    },
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
