import { isIP } from "node:net";

// The address a request came from, for per-IP limits and the loopback-only dev pages.
//
// Every proxy appends the address it was reached from to X-Forwarded-For, and the site's own
// server (scripts/site-server.ts) appends the address of the connection it accepted, so the
// last entry is always the peer we are talking to and everything left of it is hearsay. With
// `trustedProxyHops` proxies in front of us (TRUSTED_PROXY_HOPS), the client is the entry that
// many places left of the last: the address the outermost trusted proxy saw. Whatever a client
// writes into the header itself lies further left and is never read. X-Real-IP is never read:
// a client can set it.
export function clientAddressFrom(headers: Headers, trustedProxyHops: number): string | undefined {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return undefined;
  // A chain shorter than the configured hops means a request that bypassed a proxy; its first
  // entry is still the furthest address any trusted party wrote.
  const raw = chain[Math.max(0, chain.length - 1 - trustedProxyHops)] ?? "";
  // Brackets and a port ("[::1]:443", as some proxies write it) off; IPv4-mapped IPv6 unwrapped.
  return raw.replace(/^\[(.*)\](?::\d+)?$/, "$1").replace(/^::ffff:(?=\d+\.)/i, "");
}

/** The per-IP limit's key for an address: one IPv6 /64 is one subscriber. */
export function ipRateLimitKey(address: string): string {
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return ipv6Prefix64(address);
    default:
      // Not an address (a misconfigured proxy): still a key, bounded in length.
      return address.slice(0, 64);
  }
}

/** True for an address on this machine (127.0.0.0/8 and ::1). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  if (isIP(address) === 4) return address.startsWith("127.");
  return isIP(address) === 6 && /^[0:]*1$/.test(address);
}

/**
 * A request from this machine to this machine: the client's address is loopback and the Host
 * it asked for is a loopback name or address, so a DNS-rebound name cannot pass.
 */
export function isLocalRequest(headers: Headers, trustedProxyHops: number): boolean {
  const host = (headers.get("host") ?? "").replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
  const loopbackHost =
    host === "localhost" || host.endsWith(".localhost") || isLoopbackAddress(host);
  return loopbackHost && isLoopbackAddress(clientAddressFrom(headers, trustedProxyHops));
}

function ipv6Prefix64(ip: string): string {
  const [head = "", tail = ""] = ip.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = ip.includes("::")
    ? [...headGroups, ...Array<string>(Math.max(missing, 0)).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
