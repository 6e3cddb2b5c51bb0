// `npm run worker`: the email worker on its own (lib/jobs), for running it apart from the site
// servers (set WORKER_IN_SERVER=0 on them). It takes the same environment as the site. With
// PGlite (no DATABASE_URL) only one process may open the database folder, so it runs only while
// no site server has it open; with Postgres, run as many as you like: each job is claimed once.
//
// Run by tsx (`npm run worker`): the worker renders React Email templates (TSX) and shares the
// site's modules, which mark themselves `server-only`; outside Next that marker has nothing to
// guard, so it resolves to an empty module here.
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import path from "node:path";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const envFile = path.join(process.cwd(), ".env.local");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const { startEmailWorkerInProcess, stopJobQueue } = await import("../lib/jobs/server.ts");
try {
  await startEmailWorkerInProcess();
} catch (error) {
  console.error("worker: could not start.", error instanceof Error ? error.message : error);
  process.exit(1);
}
console.info(`worker: doing email jobs (pid ${process.pid})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info("worker: stopping after the jobs under way");
    void stopJobQueue().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("worker: did not stop cleanly", error);
        process.exit(1);
      },
    );
  });
}
