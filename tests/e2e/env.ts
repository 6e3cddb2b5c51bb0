import { expect } from "@playwright/test";
import { localLakeClient } from "../support/lake.ts";

// The e2e suite runs its own production build against its own lake, on ports of its own, so it
// never touches a developer's `npm run dev` data. The token guards a throwaway dataset.
// E2E_SITE_PORT / E2E_LAKE_PORT move it aside when two runs share a machine.
export const e2e = {
  sitePort: Number(process.env.E2E_SITE_PORT ?? 3100),
  lakePort: Number(process.env.E2E_LAKE_PORT ?? 3998),
  // Random per run (playwright.config.ts); the fixed values serve a server started by hand.
  token: process.env.E2E_LAKE_TOKEN ?? "e2e-local-lake-token-0123456789abcdef0123456789",
  webhookSecret: process.env.E2E_WEBHOOK_SECRET ?? "e2e-local-webhook-secret-0123456789",
  dataDir: ".data/e2e-lake",
  /** Reader sign-in: the secret of the test server, and the port of the SMTP server that the
   * sign-in spec runs in-process and the site sends magic links to (E2E_SMTP_PORT). */
  authSecret: process.env.E2E_AUTH_SECRET ?? "e2e-auth-secret-0123456789abcdef0123456789abcdef",
  smtpPort: Number(process.env.E2E_SMTP_PORT ?? 2525),
} as const;

export const siteUrl = `http://localhost:${e2e.sitePort}`;
export const lakeUrl = `http://127.0.0.1:${e2e.lakePort}`;

export function lakeClient() {
  return localLakeClient(lakeUrl, e2e.token);
}

/**
 * Deletes posts a spec published (with their drafts), then waits until the home page has
 * stopped linking them. The delete's webhook revalidates the site on its own time, and the next
 * spec must start from the seed post alone: a link still on the page is prefetched, and its 404
 * fails that spec's console check.
 */
export async function deletePosts(ids: readonly string[]) {
  if (ids.length === 0) return;
  const client = lakeClient();
  const all = ids.flatMap((id) => [id, `drafts.${id}`]);
  const slugs = await client.fetch<string[]>(
    "array::unique(*[_id in $all].slug.current)",
    { all },
    { perspective: "raw" },
  );
  await client.delete({ query: "*[_id in $all]", params: { all } });
  await expect
    .poll(
      async () => {
        const home = await (await fetch(`${siteUrl}/`)).text();
        return slugs.filter((slug) => home.includes(slug));
      },
      { timeout: 20_000, message: "the home page still links a deleted post" },
    )
    .toEqual([]);
}
