// What `next build` must not see. Next hands its whole environment to Turbopack, whose build
// cache (.next/cache/turbopack) keeps it on disk: a token in .env.local, the webhook secret, an
// SMTP password would sit in every cache a CI system saves or a container image copies. The build
// needs none of them (it never opens the reader database, signs nothing and sends nothing), so
// next.config.ts removes them from the build's environment before Turbopack starts.

/** This project's secrets, by name. */
const SECRET_NAMES = new Set([
  "AUTH_SECRET",
  "AUTH_GITHUB_SECRET",
  "AUTH_GOOGLE_SECRET",
  "SANITY_API_READ_TOKEN",
  "SANITY_API_WRITE_TOKEN",
  "SANITY_WEBHOOK_SECRET",
  "EMAIL_SERVER",
  "DATABASE_URL",
  "REDIS_URL",
]);

/** Anyone else's, by the way secrets are named (a CI's GITHUB_TOKEN, a cloud key). */
const SECRET_LOOKING = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|CREDENTIAL|API_KEY/i;

/** Whether a variable holds a secret: by name, or a URL that carries a password. */
export function isSecretVariable(name: string, value: string | undefined): boolean {
  // NEXT_PUBLIC_ values are compiled into the browser's JavaScript: public by definition.
  if (name.startsWith("NEXT_PUBLIC_")) return false;
  if (SECRET_NAMES.has(name) || SECRET_LOOKING.test(name)) return true;
  return value !== undefined && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value);
}

/** Removes every secret from `env` (the build's process.env); returns the names removed. */
export function dropSecrets(env: NodeJS.ProcessEnv): string[] {
  const removed = Object.keys(env).filter((name) => isSecretVariable(name, env[name]));
  for (const name of removed) delete env[name];
  return removed;
}
