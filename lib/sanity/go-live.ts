// Scheduled posts go live by themselves. A post whose publishedAt is in the future is left out
// of every query readers see (queries.ts), and the cached results that left it out stay cached
// until something revalidates them: Sanity sends its webhook when the post is published, not
// when its time comes, and hosted Sanity's own scheduling is a paid feature that needs it online.
// So each server asks the content source, every POLL_MS and once more at the next post's time,
// which posts went live since it last asked, and revalidates each one exactly as its publish
// webhook does: a request signed with SANITY_WEBHOOK_SECRET to its own /api/revalidate (Next
// revalidates tags only inside a request). With REDIS_URL the revalidation reaches every
// instance; each instance also asks on its own, with a key of its own, so none depends on another.
import { randomUUID } from "node:crypto";
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from "@sanity/webhook";
import type { WebhookBody } from "./webhook";

/** How often each server asks; a post due sooner than this is asked for at its time. */
export const POLL_MS = 30_000;
/** At start-up, posts that went live this long ago or less are revalidated again: a server that
 * was down at a post's time may hold pages (on disk, or in Redis) rendered before it. */
export const CATCH_UP_MS = 24 * 60 * 60_000;
const FIRST_CHECK_MS = 2_000;
/** A timer set for a post's time fires this much after it, so the content source agrees. */
const AFTER_DUE_MS = 250;

export interface Schedule {
  now: string;
  live: Array<{
    _id: string;
    _type: string;
    slug: string | null;
    tickerIds: string[] | null;
    publishedAt: string | null;
  }>;
  next: string | null;
}

export interface GoLiveOptions {
  /** goLiveQuery against the published content, uncached. */
  readSchedule: (since: string) => Promise<Schedule>;
  /** Revalidates what a post's going live changes; rejects when that did not happen. */
  announce: (post: WebhookBody, key: string) => Promise<void>;
  log?: (message: string) => void;
  now?: () => number;
}

export interface GoLiveWatch {
  /** Asks once (the timer does this by itself); resolves when the posts found are announced. */
  check(): Promise<void>;
  stop(): void;
}

export function watchGoLive(options: GoLiveOptions): GoLiveWatch {
  const { readSchedule, announce, log = console.log, now = Date.now } = options;
  const instance = randomUUID();
  let since = new Date(now() - CATCH_UP_MS).toISOString();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;
  let running: Promise<void> | undefined;

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), Math.max(0, ms));
    timer.unref();
  };

  async function run(): Promise<void> {
    let next: string | null = null;
    try {
      const found = await readSchedule(since);
      next = found.next;
      let announced = 0;
      for (const post of found.live) {
        const key = `go-live:${instance}:${post._id}:${post.publishedAt ?? ""}`;
        await announce(
          { _id: post._id, _type: post._type, slug: post.slug, tickerIds: post.tickerIds },
          key,
        );
        announced++;
      }
      // Only once every post found is announced: a failure asks again from the same point.
      since = found.now;
      if (announced > 0)
        log(`go-live: ${announced} scheduled post(s) went live and were revalidated`);
      if (failing) log("go-live: checking scheduled posts again");
      failing = false;
    } catch (error) {
      if (!failing) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`go-live: could not check scheduled posts (${reason}); trying again`);
      }
      failing = true;
    }
    const dueIn = next ? Date.parse(next) - now() + AFTER_DUE_MS : Infinity;
    schedule(Math.min(POLL_MS, dueIn));
  }

  function check(): Promise<void> {
    // One check at a time: a timer firing during a slow one waits for it.
    running = (running ?? Promise.resolve()).then(run);
    return running;
  }

  // The first check waits for the server to be listening (it may announce to itself).
  schedule(FIRST_CHECK_MS);
  return {
    check,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** A webhook delivery to `url`, signed as Sanity signs one. */
export function signedDelivery(url: string, secret: string) {
  return async (post: WebhookBody, key: string) => {
    const payload = JSON.stringify({ ...post, operation: "update" });
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": key,
        [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(payload, Date.now(), secret),
      },
      body: payload,
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  };
}
