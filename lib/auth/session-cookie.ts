// The names Auth.js gives the database-session cookie: `__Secure-` on https origins. Only
// proxy.ts needs them, for its optimistic check; the session itself is checked by auth().
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function hasSessionCookie(cookies: { has(name: string): boolean }): boolean {
  return SESSION_COOKIE_NAMES.some((name) => cookies.has(name));
}
