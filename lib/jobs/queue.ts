// The durable job queue: pg-boss in the reader database, so it needs no server of its own and
// works across instances (a job is claimed by one worker of all of them; Postgres's
// SELECT … FOR UPDATE SKIP LOCKED). On PGlite, the embedded default, pg-boss runs through its
// own PGlite adapter (`backend: "pglite"`, pg-boss ≥ 12): real Postgres in WebAssembly, with
// no compatibility flags. Its tables live in their own schema, beside the app's migrations.
// Plain Node (no server-only): `npm run worker` runs it outside Next.
import type { PGlite } from "@electric-sql/pglite";
import { fromPglite, PgBoss } from "pg-boss";

export const JOB_SCHEMA = "pgboss";

/** Where the queue's tables are: the app's PGlite instance, or a Postgres server. */
export type JobStore =
  { kind: "pglite"; client: PGlite } | { kind: "postgres"; connectionString: string };

export interface JobQueueOptions {
  log?: (message: string) => void;
}

/** Opens and starts the queue (creating or migrating its schema); stop() it when done. */
export async function openJobQueue(
  store: JobStore,
  { log = (message) => console.error(message) }: JobQueueOptions = {},
): Promise<PgBoss> {
  const boss =
    store.kind === "pglite"
      ? new PgBoss({ backend: "pglite", db: fromPglite(store.client), schema: JOB_SCHEMA })
      : new PgBoss({ connectionString: store.connectionString, schema: JOB_SCHEMA, max: 4 });
  // An error in pg-boss's background work (maintenance, a lost connection) is logged; it
  // retries by itself, and the process keeps serving.
  boss.on("error", (error) =>
    log(`jobs: ${error instanceof Error ? error.message : String(error)}`),
  );
  await boss.start();
  return boss;
}
