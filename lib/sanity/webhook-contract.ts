// What the site asks of the GROQ-powered webhook that calls /api/revalidate: which document
// changes it wants (filter) and the body it parses (projection; webhookBodySchema in
// webhook.ts). Configure a hosted project's webhook with exactly these; the local lake is
// given them when scripts/run-site.ts, scripts/lake.ts and tests/support/lake.ts start it.
// Plain strings, no server-only: plain Node processes (the launchers) import them.

export const WEBHOOK_FILTER = '_type in ["post","ticker","author"]';

export const WEBHOOK_PROJECTION = `{
  _id, _type, "slug": slug.current, "symbol": symbol, "tickerIds": tickers[].ticker._ref,
  "before": before(){ "slug": slug.current, "symbol": symbol, "tickerIds": tickers[].ticker._ref },
  "operation": delta::operation()
}`;

/** The webhook's filter and projection: add `url` for a target (the site's /api/revalidate). */
export const REVALIDATE_WEBHOOK = { filter: WEBHOOK_FILTER, projection: WEBHOOK_PROJECTION };

export function revalidateWebhook(url: string) {
  return { url, ...REVALIDATE_WEBHOOK };
}
