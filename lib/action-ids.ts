import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// The ids of this build's server actions, for proxy.ts to refuse a form that names any other
// with a 404 (Next answers 500: vercel/next.js#90101). Next writes them to
// .next/server/server-reference-manifest.json at build time. In development they change with
// every edit, so none are known and Next decides.

let known: ReadonlySet<string> | null | undefined;

export function knownActionIds(): ReadonlySet<string> | undefined {
  if (env.NODE_ENV !== "production") return undefined;
  if (known === undefined) {
    try {
      const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
      const manifest = JSON.parse(readFileSync(file, "utf8")) as {
        node?: Record<string, unknown>;
        edge?: Record<string, unknown>;
      };
      known = new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
    } catch (error) {
      console.error("proxy: no server action manifest; unknown actions are left to Next", error);
      known = null;
    }
  }
  return known ?? undefined;
}
