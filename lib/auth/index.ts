import "server-only";

// Reader sign-in: Auth.js (next-auth 5) with database sessions through Drizzle. Pages and
// server actions use getReader()/requireReader(); auth(), signIn() and signOut() are next-auth's.
export { auth, handlers, signIn, signOut } from "./instance";
export { getReader, requireReader, type Reader } from "./reader";
export { enabledOAuthProviders, type OAuthProviderOption } from "./providers";
