import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import Nodemailer from "next-auth/providers/nodemailer";
import { accounts, sessions, users, verificationTokens } from "@/drizzle/schema";
import type { Db } from "@/lib/db/client";
import { clientAddressFrom, ipRateLimitKey } from "./client-ip";
import type { SendSignInLink } from "./mailer";
import { consumeRateLimit, magicLinkRules } from "./rate-limit";
import { rateLimitedPath } from "./sign-in-errors";
import { checkEmailPath, signInPath } from "@/lib/routes";

/** How long a magic link works. Auth.js deletes a token as it is used, so it also works once. */
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 60 * 60;

export interface AuthDependencies {
  db: Db;
  secret: string;
  from: string;
  sendSignInLink: SendSignInLink;
  oauthProviders: Provider[];
  /** The headers of the request being handled, for the client's IP. */
  requestHeaders: () => Promise<Headers>;
  /** TRUSTED_PROXY_HOPS: how many proxies in front of the site append to X-Forwarded-For. */
  trustedProxyHops: number;
  /** The clock the rate limit's windows are read from. */
  now?: () => Date;
}

/**
 * The whole Auth.js configuration as a function of its dependencies, so tests can run it over
 * their own database and SMTP server through `Auth()` from @auth/core, exactly as the route
 * handler and server actions run it through `NextAuth()`.
 */
export function createAuthConfig(deps: AuthDependencies): NextAuthConfig {
  return {
    adapter: DrizzleAdapter(deps.db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 30 * DAY_SECONDS, updateAge: DAY_SECONDS },
    secret: deps.secret,
    basePath: "/api/auth",
    // The origin comes from AUTH_URL (pinned to SITE_URL in production, lib/auth/index.ts), so
    // a forged Host header cannot put another site's address into a magic link.
    trustHost: true,
    pages: { signIn: signInPath, verifyRequest: checkEmailPath, error: signInPath },
    providers: [
      Nodemailer({
        // Required by the provider but unused: sendVerificationRequest owns delivery (SMTP, the
        // dev mailbox, or a configuration error).
        server: "smtp://unused.invalid",
        from: deps.from,
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        sendVerificationRequest: ({ identifier, url, expires }) =>
          deps.sendSignInLink({ email: identifier, url, expires }),
      }),
      ...deps.oauthProviders,
    ],
    callbacks: {
      // Auth.js asks this before it creates a token or sends anything, on every path to a magic
      // link (our form's server action and a direct POST to /api/auth/signin/nodemailer), so the
      // limit cannot be stepped around. A string answer is where the reader is sent instead.
      async signIn({ user, account, email }) {
        if (!email?.verificationRequest) return true;
        const address = user.email ?? account?.providerAccountId ?? "";
        const client = clientAddressFrom(await deps.requestHeaders(), deps.trustedProxyHops);
        const rules = magicLinkRules(address, client && ipRateLimitKey(client));
        const verdict = await consumeRateLimit(deps.db, rules, deps.now?.() ?? new Date());
        if (verdict.allowed) return true;
        const scope = verdict.key === rules[0]?.key ? "address" : "ip";
        return rateLimitedPath(scope, verdict.retryAfterMs);
      },
      session({ session, user }) {
        return {
          ...session,
          user: { id: user.id, email: user.email, name: user.name, image: user.image },
        };
      },
    },
  };
}
