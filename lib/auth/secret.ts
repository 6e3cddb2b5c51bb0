import "server-only";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv as parseDotenv } from "node:util";
import type { Env } from "@/lib/env-schema";
import { AppError } from "@/lib/errors";

/**
 * AUTH_SECRET signs session cookies and hashes magic-link tokens. Production must set it; in
 * development a random one is generated into `.env.local` (git-ignored) on first use, the way
 * the local lake keeps its token (packages/lake/src/bin/secrets.ts), so sessions survive restarts.
 */
export function resolveAuthSecret(
  source: Pick<Env, "AUTH_SECRET" | "NODE_ENV">,
  dir: string = process.cwd(),
): string {
  if (source.AUTH_SECRET) return source.AUTH_SECRET;
  if (source.NODE_ENV === "production") {
    throw new AppError(
      "misconfigured",
      "AUTH_SECRET is not set. Reader sign-in needs a random secret of at least 32 bytes, " +
        "e.g. `openssl rand -base64 33`, in the server's environment.",
    );
  }
  return ensureDevAuthSecret(dir);
}

function ensureDevAuthSecret(dir: string): string {
  const file = path.join(dir, ".env.local");
  const content = existsSync(file) ? readFileSync(file, "utf8") : "";
  const existing = parseDotenv(content).AUTH_SECRET;
  if (existing) return existing;
  const secret = randomBytes(32).toString("base64url");
  const separator = content === "" || content.endsWith("\n") ? "" : "\n";
  const header = "# Generated for reader sign-in in development (lib/auth/secret.ts)\n";
  appendFileSync(file, `${separator}${header}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  return secret;
}
