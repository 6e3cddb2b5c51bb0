import "server-only";
import { env } from "@/lib/env";
import { sanityClient } from "./client";
import { signedDelivery, watchGoLive, type GoLiveWatch, type Schedule } from "./go-live";
import { goLiveQuery } from "./queries";

// The go-live watch of this server (go-live.ts), started by instrumentation.ts.

/** This server's own address, as the local lake's webhook reaches it (scripts/run-site.ts). */
function ownRevalidateUrl(): string {
  const host =
    env.LISTEN_HOST && !["0.0.0.0", "::"].includes(env.LISTEN_HOST) ? env.LISTEN_HOST : "127.0.0.1";
  const shown = host.includes(":") ? `[${host}]` : host;
  return `http://${shown}:${env.PORT}/api/revalidate`;
}

let watch: GoLiveWatch | undefined;

export function startGoLiveWatch(): void {
  if (watch) return;
  const secret = env.SANITY_WEBHOOK_SECRET;
  if (!secret) {
    console.warn(
      "go-live: SANITY_WEBHOOK_SECRET is not set, so scheduled posts appear only when their " +
        "cached pages expire (within an hour); set it to have them appear at their time",
    );
    return;
  }
  watch = watchGoLive({
    readSchedule: (since) => sanityClient.fetch<Schedule>(goLiveQuery, { since }),
    announce: signedDelivery(ownRevalidateUrl(), secret),
  });
}
