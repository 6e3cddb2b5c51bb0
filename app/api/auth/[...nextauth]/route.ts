import { handlers } from "@/lib/auth";

// Auth.js's endpoints: sign-in and callbacks, the magic-link POST, sign-out, session, CSRF.
export const { GET, POST } = handlers;
