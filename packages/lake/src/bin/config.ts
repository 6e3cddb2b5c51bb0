// What a process that runs the lake needs before it starts: `.env.local` loaded, the lake's own
// variables validated, the production guard, and the write token and webhook secret (generated
// into `.env.local` on first run). The lake reads only the variables below; an application that
// embeds it reads its own settings itself.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { WebhookTarget } from "../engine/webhooks.ts";
import type { QueryLimits } from "../model/query-limits.ts";
import { ensureLocalSecrets } from "./secrets.ts";

const port = z.coerce.number().int().min(0).max(65535);
/** "a, b,," → ["a", "b"]. */
const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);
const origin = z
  .url({ protocol: /^https?$/, error: "an http:// or https:// origin" })
  .transform((url) => new URL(url).origin);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

export const lakeEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LAKE_HOST: z.string().default("127.0.0.1"),
  LAKE_PORT: port.default(3999),
  LAKE_DATA_DIR: z.string().default(".data/lake"),
  /** Comma-separated webhook targets; empty means none. */
  LAKE_WEBHOOK_URLS: z.string().default("").pipe(commaList).pipe(z.array(z.url())),
  /** The GROQ filter and projection of those webhooks (Sanity's defaults: every document, whole). */
  LAKE_WEBHOOK_FILTER: optionalString,
  LAKE_WEBHOOK_PROJECTION: optionalString,
  /** Browser origins answered, comma-separated; empty means those of the site on SITE_URL and
   * PORT, and the standalone Studio's (http://localhost:3333). */
  LAKE_CORS_ORIGINS: z.string().default("").pipe(commaList).pipe(z.array(origin)),
  SITE_URL: z.url().default("http://localhost:3000"),
  PORT: port.default(3000),
  LAKE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  LAKE_QUERY_MAX_RESULT_MB: z.coerce.number().positive().default(32),
  /** The lake refuses NODE_ENV=production unless this is "1": it is a development server. */
  LAKE_ALLOW_PRODUCTION: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /** The write token and webhook secret; generated into .env.local when unset. */
  SANITY_API_WRITE_TOKEN: optionalString,
  SANITY_WEBHOOK_SECRET: optionalString,
});

export type LakeEnv = z.infer<typeof lakeEnvSchema>;

export interface LakeConfig {
  env: LakeEnv;
  host: string;
  port: number;
  /** LAKE_DATA_DIR, resolved against the working directory. */
  dataDir: string;
  token: string;
  webhookSecret: string;
  /** LAKE_WEBHOOK_URLS, each with LAKE_WEBHOOK_FILTER and LAKE_WEBHOOK_PROJECTION. */
  webhooks: WebhookTarget[];
  /** Browser origins the lake answers: LAKE_CORS_ORIGINS, else the site's and the Studio's. */
  allowedOrigins: string[];
  queryLimits: Partial<QueryLimits>;
}

/** The standalone Studio (`sanity dev --port 3333`). */
const STUDIO_ORIGIN = "http://localhost:3333";

export function allowedOriginsFor(env: LakeEnv): string[] {
  if (env.LAKE_CORS_ORIGINS.length > 0) return env.LAKE_CORS_ORIGINS;
  const site = new URL(env.SITE_URL).origin;
  return [...new Set([site, `http://localhost:${env.PORT}`, STUDIO_ORIGIN])];
}

export function parseLakeEnv(source: Record<string, string | undefined>): LakeEnv {
  const result = lakeEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

/** Exits with a message a person can act on instead of a stack trace. */
export function loadLakeConfig(root: string): LakeConfig {
  const envFile = path.join(root, ".env.local");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  let env: LakeEnv;
  try {
    env = parseLakeEnv(process.env);
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
    host: env.LAKE_HOST,
    port: env.LAKE_PORT,
    dataDir: path.resolve(root, env.LAKE_DATA_DIR),
    token: env.SANITY_API_WRITE_TOKEN ?? secrets.token,
    webhookSecret: env.SANITY_WEBHOOK_SECRET ?? secrets.webhookSecret,
    webhooks: env.LAKE_WEBHOOK_URLS.map((url) => ({
      url,
      filter: env.LAKE_WEBHOOK_FILTER,
      projection: env.LAKE_WEBHOOK_PROJECTION,
    })),
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
