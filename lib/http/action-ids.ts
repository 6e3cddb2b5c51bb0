import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// This build's server actions and the pages that have each, for proxy.ts to refuse a request
// that names an action this build does not have, or posts it to a page that does not have it:
// Next answers both with 500 (vercel/next.js#90101), and forwards the second to the page that
// has it through a request to itself, which X-Forwarded-Proto can make fail. Next writes them
// to .next/server/server-reference-manifest.json at build time. In development they change with
// every edit, so none are known and Next decides.

export interface ActionIndex {
  has(id: string): boolean;
  /** Whether the page at `pathname` has this action. */
  servesPage(id: string, pathname: string): boolean;
}

interface ManifestEntry {
  workers?: Record<string, unknown>;
  exportedName?: string;
}

let loaded: ActionIndex | null | undefined;

export function knownActions(): ActionIndex | undefined {
  if (env.NODE_ENV !== "production") return undefined;
  if (loaded === undefined) {
    try {
      const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        node?: Record<string, ManifestEntry>;
      };
      loaded = actionIndex(manifest.node ?? {});
    } catch (error) {
      console.error("proxy: no server action manifest; unknown actions are left to Next", error);
      loaded = null;
    }
  }
  return loaded ?? undefined;
}

export function actionIndex(actions: Record<string, ManifestEntry>): ActionIndex {
  const pages = new Map<string, RegExp[]>();
  for (const [id, action] of Object.entries(actions)) {
    // 'use cache' functions are server references too, callable with any arguments by whoever
    // knows their id (our cached GROQ read would run any query). None is ever called from a
    // browser here, so none is an action.
    if (action.exportedName?.startsWith("$$RSC_SERVER_CACHE")) continue;
    pages.set(id, Object.keys(action.workers ?? {}).map(pagePattern));
  }
  return {
    has: (id) => pages.has(id),
    servesPage: (id, pathname) => (pages.get(id) ?? []).some((pattern) => pattern.test(pathname)),
  };
}

/** `app/(site)/insights/[slug]/page` → the URL paths it serves, as a pattern. */
export function pagePattern(worker: string): RegExp {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  const source = segments
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/[^/]+)*";
      if (/^\[\.\.\..+\]$/.test(segment)) return "(?:/[^/]+)+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    })
    .join("");
  return new RegExp(`^${source || "/"}/?$`);
}
