// `npm run lake`: the local Content Lake alone (the @daily-insight/lake package's `lake`
// command), with the site's webhook contract for the targets in LAKE_WEBHOOK_URLS.
import { runLake } from "@daily-insight/lake";
import { REVALIDATE_WEBHOOK } from "../lib/sanity/webhook-contract.ts";

await runLake({ webhook: REVALIDATE_WEBHOOK });
