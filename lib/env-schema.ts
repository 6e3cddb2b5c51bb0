import { z } from "zod";

// The single description of this project's environment. The Next.js app reads it through
// lib/env.ts; the launchers and scripts in scripts/ (plain Node processes) parse it directly.
// The local Content Lake (packages/lake) validates its own variables. Nothing else reads
// process.env.

const port = z.coerce.number().int().min(0).max(65535);
/** "a, b,," → ["a", "b"]: the form of every list setting. */
const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);
/** An http(s) URL, kept as its origin. */
const origin = z
  .url({ protocol: /^https?$/, error: "an http:// or https:// origin" })
  .transform((url) => new URL(url).origin);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  /** Public origin of the site, used for absolute URLs (feeds, cards, canonical links). */
  SITE_URL: z.url().default("http://localhost:3000"),
  /** The interface the site listens on (scripts/site-server.ts). Unset: loopback in
   * development, every interface in production. */
  LISTEN_HOST: optionalString,
  /** How many proxies in front of the site append to X-Forwarded-For (nginx, a load balancer,
   * a CDN). 0: none, the connecting address is the client's. See lib/auth/client-ip.ts. */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),

  /** Hosted Sanity project. Unset → the local Content Lake. */
  SANITY_PROJECT_ID: optionalString,
  SANITY_DATASET: z
    .string()
    .regex(/^[a-z0-9_-]{1,64}$/, "lower case letters, digits, _ and -")
    .default("production"),
  SANITY_API_READ_TOKEN: optionalString,
  SANITY_API_WRITE_TOKEN: optionalString,
  /** Shared secret of the GROQ-powered webhook that calls /api/revalidate. */
  SANITY_WEBHOOK_SECRET: optionalString,

  /** Where the local Content Lake listens (used when SANITY_PROJECT_ID is unset). The lake's
   * own settings (data folder, webhooks, origins, query limits) are its own to validate:
   * packages/lake/src/bin/config.ts. */
  LAKE_HOST: z.string().default("127.0.0.1"),
  LAKE_PORT: port.default(3999),
  /** "1": `npm run dev`/`npm start` run the lake in their own process. "0": they use the one
   * already running at LAKE_HOST:LAKE_PORT (`npm run lake`), so several instances share it. */
  LAKE_EMBEDDED: z
    .enum(["0", "1"])
    .default("1")
    .transform((value) => value === "1"),
  /** Origins of Studios served elsewhere (`npm run studio`, a `sanity deploy` Studio) whose
   * Presentation tool frames the site's draft pages; comma-separated. Unset: http://localhost:3333
   * in development, none in production. Read when the site server starts (lib/http/security-headers.ts). */
  SANITY_STUDIO_ORIGINS: z
    .string()
    .optional()
    .pipe(commaList.pipe(z.array(origin)).optional()),
  /** Reader data. Set → that Postgres server; unset → PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL")
      .optional(),
  ),
  PGLITE_DATA_DIR: z.string().default(".data/pglite"),
  /** Next's caches shared by every instance (lib/cache). Unset → each process keeps its own. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "a redis:// or rediss:// URL")
      .optional(),
  ),
  /** The longest a cache lookup waits on Redis before the page is served without it. */
  REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(250),
  /** Prefix of every key and channel the site uses in Redis, so sites can share one server. */
  REDIS_KEY_PREFIX: z.string().min(1).default("daily-insight:"),
  /** Set by Next.js; "phase-production-build" inside `next build`, which must not open a database. */
  NEXT_PHASE: optionalString,

  /** "1": each site server also runs the email worker (lib/jobs). "0": it only queues jobs, and
   * `npm run worker` processes do them. */
  WORKER_IN_SERVER: z
    .enum(["0", "1"])
    .default("1")
    .transform((value) => value === "1"),

  /** How long an email worker keeps a message it claimed before another may send it (a worker
   * that died mid-send). Longer than a send can take: the mailer gives up on a silent relay
   * after 60 s. */
  EMAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),

  /** next-auth: signs session cookies and email tokens. Generated into .env.local in dev. */
  AUTH_SECRET: optionalString,
  /** Magic-link email: an SMTP URL (smtp://user:pass@host:587) and the From address. Unset in
   * development → links are printed to the console and kept in the dev mailbox page. */
  EMAIL_SERVER: optionalString,
  EMAIL_FROM: z.string().default("Daily Insight <no-reply@localhost>"),
  /** OAuth sign-in, each offered only when both of its variables are set. */
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export const LOCAL_PROJECT_ID = "local";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}
