// The package's public surface: start a lake in this process (`startLake`), or as the `lake`
// command does, from the environment (`runLake`, `loadLakeConfig`). See README.md.
export { startLake, assertLoopback } from "./http/server.ts";
export type { Lake, LakeOptions } from "./http/server.ts";
export { DEFAULT_ALLOWED_ORIGINS } from "./http/origins.ts";
export { signWebhookBody } from "./engine/webhooks.ts";
export type { WebhookTarget } from "./engine/webhooks.ts";
export { DEFAULT_QUERY_LIMITS } from "./model/query-limits.ts";
export type { QueryLimits } from "./model/query-limits.ts";
export { allowedOriginsFor, loadLakeConfig, parseLakeEnv } from "./bin/config.ts";
export type { LakeConfig, LakeEnv } from "./bin/config.ts";
export { ensureLocalSecrets } from "./bin/secrets.ts";
export { runLake } from "./bin/run.ts";
export type { RunLakeOptions } from "./bin/run.ts";
