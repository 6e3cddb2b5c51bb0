// Next hides its router's own request headers (RSC, Next-Router-Prefetch, …) from proxy.ts: its
// adapter strips FLIGHT_HEADERS before the proxy runs (next/dist/server/web/adapter.js). So
// scripts/site-server.ts, which sees every request first, copies "this is a link's prefetch"
// into a header of ours for the proxy to read. A client can set it, as it can set
// Next-Router-Prefetch: all it chooses is an empty 204 instead of a redirect for its own request.
export const PREFETCH_HINT_HEADER = "x-daily-insight-prefetch";
