// `npm run seed`: imports every sanity/seed/*.ndjson (Sanity's export format) into the
// configured dataset — the local Content Lake by default, the hosted project when
// SANITY_PROJECT_ID is set. Idempotent: documents already identical are left alone, so a
// re-run writes nothing and creates no new revisions.
import { createClient } from "@sanity/client";
import type { SanityClient } from "@sanity/client";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { parseEnv } from "../lib/env-schema.ts";
import type { Env } from "../lib/env-schema.ts";

/** The seed content: Sanity export files (NDJSON) beside the Studio that edits them. */
export const SEED_DIR = fileURLToPath(new URL("../sanity/seed/", import.meta.url));
export const SEED_API_VERSION = "2025-02-19";

export type SeedDocument = { _id: string; _type: string } & Record<string, unknown>;

/** Every document of every `*.ndjson` in `dir`, in file then line order. */
export function readSeedDocuments(dir: string = SEED_DIR): SeedDocument[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".ndjson"))
    .sort();
  return files.flatMap((name) =>
    readFileSync(path.join(dir, name), "utf8")
      .split("\n")
      .map((line, index) => ({ line: line.trim(), where: `${name}:${index + 1}` }))
      .filter(({ line }) => line.length > 0)
      .map(({ line, where }) => {
        const doc = JSON.parse(line) as Partial<SeedDocument>;
        if (typeof doc._id !== "string" || typeof doc._type !== "string") {
          throw new Error(`${where}: a seed document needs an _id and a _type`);
        }
        return doc as SeedDocument;
      }),
  );
}

// The lake sets these on write; they never make a seed document "different".
const SYSTEM_FIELDS = new Set(["_rev", "_createdAt", "_updatedAt"]);

function withoutSystemFields(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !SYSTEM_FIELDS.has(key)));
}

/** Writes the seed documents that are missing or differ, in one transaction. */
export async function seedDataset(
  client: SanityClient,
  documents: SeedDocument[] = readSeedDocuments(),
): Promise<{ written: number; unchanged: number }> {
  const ids = documents.map((doc) => doc._id);
  const existing = await client.fetch<Array<Record<string, unknown> & { _id: string }>>(
    "*[_id in $ids]",
    { ids },
    { perspective: "raw" },
  );
  const byId = new Map(existing.map((doc) => [doc._id, withoutSystemFields(doc)]));
  const changed = documents.filter(
    (doc) => !isDeepStrictEqual(byId.get(doc._id), withoutSystemFields(doc)),
  );
  if (changed.length > 0) {
    const transaction = client.transaction();
    for (const doc of changed) transaction.createOrReplace(doc);
    await transaction.commit({ visibility: "sync" });
  }
  return { written: changed.length, unchanged: documents.length - changed.length };
}

/** The client `npm run seed` writes with: hosted project if configured, else the local lake. */
export function createSeedClient(env: Env): SanityClient {
  const token = env.SANITY_API_WRITE_TOKEN;
  if (env.SANITY_PROJECT_ID) {
    if (!token) {
      throw new Error(
        `SANITY_API_WRITE_TOKEN is required to seed the hosted project ${env.SANITY_PROJECT_ID}: ` +
          "create an Editor token at sanity.io/manage → API → Tokens.",
      );
    }
    return createClient({
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET,
      apiVersion: SEED_API_VERSION,
      token,
      useCdn: false,
    });
  }
  if (!token) {
    throw new Error(
      "SANITY_API_WRITE_TOKEN is missing: the local lake writes it to .env.local on its first run " +
        "(`npm run lake` or `npm run dev`).",
    );
  }
  return createClient({
    projectId: "local",
    dataset: env.SANITY_DATASET,
    apiHost: `http://${env.LAKE_HOST}:${env.LAKE_PORT}`,
    useProjectHostname: false,
    apiVersion: SEED_API_VERSION,
    token,
    useCdn: false,
  });
}

async function main() {
  const envFile = fileURLToPath(new URL("../.env.local", import.meta.url));
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const env = parseEnv(process.env);
  const client = createSeedClient(env);
  const documents = readSeedDocuments();
  const target = env.SANITY_PROJECT_ID
    ? `project ${env.SANITY_PROJECT_ID}`
    : `the local lake at http://${env.LAKE_HOST}:${env.LAKE_PORT}`;
  const { written, unchanged } = await seedDataset(client, documents);
  console.log(
    `seed: ${written} written, ${unchanged} unchanged in ${target}, dataset ${env.SANITY_DATASET}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const refused =
      error instanceof Error &&
      /ECONNREFUSED/.test(String((error.cause as { code?: string } | undefined)?.code ?? message));
    console.error(
      `seed: ${message}${refused ? " (is the lake running? start it with `npm run lake`)" : ""}`,
    );
    process.exitCode = 1;
  });
}
