import { requireToken } from "./context.ts";
import type { RequestContext } from "./context.ts";
import { holdEventStream } from "./event-stream.ts";
import { httpError } from "../model/errors.ts";
import { corsHeaders, flag } from "./http.ts";
import { isPrivateId } from "../model/ids.ts";
import type { Transaction } from "../model/types.ts";

// The Live Content API (`GET /data/live/events/<ds>`), which the Presentation tool subscribes to
// (its shared-preview secret, its live queries): server-sent events that name the sync tags a
// commit invalidated. Every query answers with the sync tags of what it read (`syncTags`), and a
// client refetches when a `message` names one of them.
//
// The lake's tags are coarse and always correct: one per dataset for what the published
// perspective sees, one for everything else (drafts, versions, raw). A published change
// invalidates both; a draft change only the second, and reaches only `includeDrafts` streams,
// which need a token. Positions are transaction ids: a stream resumed (`Last-Event-ID`) from
// anything but the latest transaction gets a `restart` (refetch everything), as the API allows.

type TagScope = "published" | "drafts";

/** The sync tag of `dataset` as read in a perspective: `published`, `public` or anything else. */
export function syncTag(dataset: string, perspective: string): string {
  const scope: TagScope =
    perspective === "published" || perspective === "public" ? "published" : "drafts";
  return `s1:${dataset}:${scope}`;
}

/** The tags a transaction invalidates. */
export function invalidatedTags(dataset: string, tx: Transaction): string[] {
  const published = tx.changes.some((change) => !isPrivateId(change.id));
  return published
    ? [syncTag(dataset, "published"), syncTag(dataset, "drafts")]
    : [syncTag(dataset, "drafts")];
}

export async function handleLiveEvents(ctx: RequestContext, datasetName: string): Promise<void> {
  const { req, res, url } = ctx;
  if (!String(req.headers.accept ?? "").includes("text/event-stream"))
    throw httpError(406, "Not Acceptable", "The Accept header must include text/event-stream");
  const includeDrafts = flag(url.searchParams.get("includeDrafts"), false);
  if (includeDrafts) requireToken(ctx);
  const dataset = await ctx.lake.datasets.get(datasetName);
  const visible = (tags: string[]) =>
    includeDrafts ? tags : tags.filter((tag) => tag === syncTag(datasetName, "published"));

  res.writeHead(200, {
    ...corsHeaders(req),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "x-accel-buffering": "no",
  });
  const lastEventId = req.headers["last-event-id"];
  if (typeof lastEventId === "string" && lastEventId !== dataset.lastTransactionId)
    res.write(`event: restart\ndata: {}\n\n`);
  res.write(`event: welcome\ndata: {}\n\n`);

  const unsubscribe = dataset.onCommit((_dataset, tx) => {
    const tags = visible(invalidatedTags(datasetName, tx));
    if (tags.length > 0)
      res.write(`event: message\nid: ${tx.id}\ndata: ${JSON.stringify({ tags })}\n\n`);
  });
  await holdEventStream(ctx, unsubscribe);
}
