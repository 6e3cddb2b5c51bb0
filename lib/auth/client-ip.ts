import "server-only";

// The address a request came from, for per-IP limits. In production the app runs behind a
// proxy or load balancer that sets x-forwarded-for (its first entry is the client) or
// x-real-ip; `next start` fills x-forwarded-for with the socket address when it is missing.
export function clientIpFrom(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  if (!ip) return undefined;
  // One IPv6 /64 is one subscriber; counting its addresses separately would be no limit at all.
  return ip.includes(":") && !ip.startsWith("::ffff:")
    ? ipv6Prefix64(ip)
    : ip.replace(/^::ffff:/, "");
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
