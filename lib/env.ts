import "server-only";
import { LOCAL_PROJECT_ID, parseEnv, type Env } from "./env-schema.ts";

// The app's validated environment. lib/env-schema.ts is the one schema; the lake and seed
// scripts parse it themselves, everything in the Next.js app imports from here.
export const env: Env = parseEnv(process.env);

export interface ContentSource {
  projectId: string;
  dataset: string;
  /** True when no hosted project is configured and content comes from the local Content Lake. */
  isLocalLake: boolean;
  /** The lake's address for server-side clients (no project subdomain); undefined when hosted. */
  apiHost: string | undefined;
  /** Read token for private hosted datasets; the local lake serves published content without one. */
  readToken: string | undefined;
}

/** `http://host:port` of the local Content Lake (IPv6 hosts in brackets). */
export function lakeUrlFrom(source: Pick<Env, "LAKE_HOST" | "LAKE_PORT">): string {
  const host = source.LAKE_HOST.includes(":") ? `[${source.LAKE_HOST}]` : source.LAKE_HOST;
  return `http://${host}:${source.LAKE_PORT}`;
}

export function contentSourceFrom(source: Env): ContentSource {
  if (!source.SANITY_PROJECT_ID) {
    return {
      projectId: LOCAL_PROJECT_ID,
      dataset: source.SANITY_DATASET,
      isLocalLake: true,
      apiHost: lakeUrlFrom(source),
      readToken: undefined,
    };
  }
  return {
    projectId: source.SANITY_PROJECT_ID,
    dataset: source.SANITY_DATASET,
    isLocalLake: false,
    apiHost: undefined,
    readToken: source.SANITY_API_READ_TOKEN,
  };
}

export const contentSource: ContentSource = contentSourceFrom(env);
export const isLocalLake: boolean = contentSource.isLocalLake;
export const lakeUrl: string = lakeUrlFrom(env);
