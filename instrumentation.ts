// Next.js calls register() once per server process before it serves requests (not during
// `next build`). Opening the database here applies the migrations at start-up, so a request
// never finds tables missing; lib/db/client.ts keeps this same pool / PGlite instance for the app.
export async function register(): Promise<void> {
  // NEXT_RUNTIME is inlined at compile time, so the edge bundle drops the database code.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Scheduled posts appear at their time (lib/sanity/go-live.ts).
  const { startGoLiveWatch } = await import("./lib/sanity/go-live-server");
  startGoLiveWatch();
  const { getDb } = await import("./lib/db/client");
  const { DatabaseSetupError } = await import("./lib/db/migrate");
  try {
    await getDb();
    // Email alerts (lib/jobs/email-jobs.ts): this server does the jobs too, unless
    // WORKER_IN_SERVER=0. Not awaited: serving does not wait for the queue's schema.
    const { startEmailWorkerInServer } = await import("./lib/jobs/server");
    startEmailWorkerInServer().catch((error: unknown) =>
      console.error("jobs: the email worker did not start; alerts wait in the outbox.", error),
    );
  } catch (error) {
    // The public site reads Sanity, not this database: it keeps serving while reader pages
    // fail, and getDb() tries again (migrations included) when next asked.
    console.error(
      "db: could not open the reader database at start-up.",
      error instanceof DatabaseSetupError ? error.message : error,
    );
  }
}
