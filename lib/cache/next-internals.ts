// The parts of Next.js 16 (pinned in package.json) that the shared cache builds on, in one place:
// the file-system route cache and the in-memory 'use cache' handler that `next start` uses on its
// own, and the process-wide tags manifest both consult before they answer. The shared handlers
// extend them, so with Redis away they behave exactly as Next does alone. A Next upgrade that
// moves these fails the shared-cache tests, not a reader.
import { createRequire } from "node:module";
import type { CacheHandler as UseCacheHandler } from "next/dist/server/lib/cache-handlers/types.js";
import type FileSystemCacheType from "next/dist/server/lib/incremental-cache/file-system-cache.js";

const require = createRequire(import.meta.url);

export type { UseCacheHandler };
export type { CacheEntry as UseCacheEntry } from "next/dist/server/lib/cache-handlers/types.js";

/** When a tag was last made stale and until when entries with it are expired (ms since epoch). */
export interface TagState {
  stale?: number;
  expired?: number;
}

export const FileSystemCache: typeof FileSystemCacheType = (
  require("next/dist/server/lib/incremental-cache/file-system-cache.js") as {
    default: typeof FileSystemCacheType;
  }
).default;

export const createDefaultCacheHandler: (maxSize: number) => UseCacheHandler = (
  require("next/dist/server/lib/cache-handlers/default.js") as {
    createDefaultCacheHandler: (maxSize: number) => UseCacheHandler;
  }
).createDefaultCacheHandler;

const manifest = require("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as {
  tagsManifest: Map<string, TagState>;
  areTagsExpired: (tags: string[], timestamp: number) => boolean;
};

/** The tags manifest of this process, shared by every Next cache in it. */
export const tagsManifest = manifest.tagsManifest;
export const areTagsExpired = manifest.areTagsExpired;
