import { randomUUID } from "node:crypto";
import path from "node:path";

// Who signs in during a run. Every reader signs in through the real flow: the site emails a
// magic link to the SMTP server the worker runs (tests/support/smtp.ts) and the browser opens it.

/** A fresh address, so each test's reader starts with nothing and trips no one else's limit. */
export const newAddress = (name: string) => `${name}-${randomUUID().slice(0, 8)}@example.com`;

/**
 * The reader the setup project (signed-in-reader.setup.ts) signs in once per run, and the
 * storage state it saves for the specs that only need someone signed in. The run's database is
 * new (serve.ts), so the address is fixed. Shared by every spec that uses it: nothing may sign
 * it out or write anything it owns (lists, notes); a test that does needs a reader of its own.
 */
export const signedInReader = {
  email: "signed-in-reader@example.com",
  // Git-ignored; rewritten by the setup project at the start of every run.
  storageState: path.resolve(import.meta.dirname, ".auth", "reader.json"),
} as const;
