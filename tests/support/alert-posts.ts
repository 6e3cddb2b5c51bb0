import type { SanityClient } from "@sanity/client";

// A post on IWM and SPY, each with its note, published straight into a test lake for the email
// tests: what a reader watching either ticker is alerted about.

export const IWM_NOTE = "Small caps lead when rates fall: IWM is the cleanest read on breadth.";
export const SPY_NOTE = "SPY is the benchmark every rotation is measured against.";

/** The post's fields; `_id` a published id, or `drafts.<id>` for a draft only. */
export function alertPostDoc(id: string, publishedAt: Date, slug = id) {
  return {
    _id: id,
    _type: "post",
    title: `Rotation check ${slug}`,
    slug: { _type: "slug", current: slug },
    publishedAt: publishedAt.toISOString(),
    summary: "Breadth is widening beyond the mega caps.",
    tickers: [
      {
        _key: "iwm",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: "ticker-IWM" },
        note: IWM_NOTE,
        position: "long",
      },
      {
        _key: "spy",
        _type: "tickerMention",
        ticker: { _type: "reference", _ref: "ticker-SPY" },
        note: SPY_NOTE,
        position: "none",
      },
    ],
  };
}

/** Publishes the post (a minute ago unless `publishedAt`), replacing any earlier version. */
export async function publishAlertPost(
  client: SanityClient,
  id: string,
  publishedAt = new Date(Date.now() - 60_000),
): Promise<void> {
  await client.createOrReplace(alertPostDoc(id, publishedAt));
}
