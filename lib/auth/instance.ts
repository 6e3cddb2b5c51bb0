import "server-only";
import NextAuth from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createAuthConfig } from "./config";
import { signInLinkSender } from "./mailer";
import { oauthProviders } from "./providers";
import { resolveAuthSecret } from "./secret";

// next-auth reads AUTH_URL from process.env itself (for the route handler's request URL and
// for server actions' sign-in URL). Pinning it to SITE_URL in production makes every link it
// builds, the emailed one included, point at our own origin. Development trusts the Host
// header instead, so any port or host name a developer uses works.
if (env.NODE_ENV === "production") process.env.AUTH_URL ??= env.SITE_URL;

const sendSignInLink = signInLinkSender(env);
// Resolved on first use, not at import: `next build` imports this module without a secret.
let secret: string | undefined;
const authSecret = () => (secret ??= resolveAuthSecret(env));

// The lazy form: the database opens on first use (getDb is async), and the route handler's
// request is at hand for the client IP; server actions and components read next/headers.
export const { auth, handlers, signIn, signOut } = NextAuth(async (request) => {
  const db = await getDb();
  return createAuthConfig({
    db,
    secret: authSecret(),
    from: env.EMAIL_FROM,
    sendSignInLink,
    oauthProviders: oauthProviders(env),
    requestHeaders: async () => request?.headers ?? (await headers()),
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  });
});
