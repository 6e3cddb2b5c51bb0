import { z } from "zod";
import { publishedId } from "@/lib/content/ids";
import { tags } from "./tags";

// The body of the GROQ-powered webhook that calls /api/revalidate: the same projection on the
// hosted project and on the local lake (WEBHOOK_PROJECTION in webhook-contract.ts):
//   {_id, _type, "slug": slug.current, symbol, "tickerIds": tickers[].ticker._ref,
//    "before": before(){slug, symbol, tickerIds}, "operation": delta::operation()}
// The Content Lake leaves out null attributes, so every field but _id and _type may be missing.

const keys = {
  slug: z.string().min(1).nullish(),
  symbol: z.string().min(1).nullish(),
  tickerIds: z.array(z.string().min(1)).nullish(),
};

export const webhookBodySchema = z.object({
  _id: z.string().min(1),
  _type: z.string().min(1),
  ...keys,
  before: z.object(keys).nullish(),
  operation: z.enum(["create", "update", "delete"]).nullish(),
});

export type WebhookBody = z.infer<typeof webhookBodySchema>;

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
};

/** Exactly the cache tags whose content this change can alter. */
export function tagsForWebhook(body: WebhookBody): string[] {
  const id = publishedId(body._id);
  const before = body.before ?? undefined;
  const out = new Set<string>();

  switch (body._type) {
    case "post": {
      const after = body.tickerIds ?? [];
      const previous = before?.tickerIds ?? [];
      out.add(tags.posts).add(tags.post(id));
      for (const slug of [body.slug, before?.slug]) if (slug) out.add(tags.post(slug));
      // Each linked ticker's page lists this post (title, summary, note), before and after.
      for (const tickerId of [...after, ...previous]) out.add(tags.ticker(tickerId));
      // The tickers index counts posts per ticker: only a change of linked tickers moves a count.
      const linksChanged =
        !before ||
        body.operation === "create" ||
        body.operation === "delete" ||
        !sameSet(after, previous);
      if (linksChanged) out.add(tags.tickers);
      break;
    }
    case "ticker": {
      out.add(tags.tickers).add(tags.ticker(id));
      for (const symbol of [body.symbol, before?.symbol]) if (symbol) out.add(tags.ticker(symbol));
      break;
    }
    case "author": {
      // Its page is found by slug; its name shows on its posts (tagged by id) and in the sitemap.
      out.add(tags.authors).add(tags.author(id));
      for (const slug of [body.slug, before?.slug]) if (slug) out.add(tags.author(slug));
      break;
    }
    default:
      // Types the site does not show: nothing to revalidate.
      break;
  }
  return [...out];
}
