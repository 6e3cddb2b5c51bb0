import { expect, test } from "@playwright/test";
import { e2e, lakeClient } from "./env.ts";

// The real Sanity Studio, embedded at /studio in the production build, against the local lake:
// an editor creates a post, publishes it, and the published document is readable through
// @sanity/client. The Studio reaches for a few Sanity-hosted addresses (bridge script, fonts,
// version check); offline they are blocked so the test never depends on them.
test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1|local\.localhost)/, (route) =>
    route.abort(),
  );
});

test("an editor creates and publishes a post in the Studio", async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  const started = Date.now();
  await page.goto(`/studio#token=${e2e.token}`);
  await page.getByRole("link", { name: "Daily Insights" }).click();
  const seeded = page.getByRole("link", { name: /The Great Rotation/ });
  await expect(seeded).toBeVisible({ timeout: 30_000 });
  const firstLoadMs = Date.now() - started;

  await page.getByTestId("action-intent-button").click();
  const title = `Studio e2e ${Date.now()}`;
  await page.getByTestId("field-title").getByRole("textbox").fill(title);
  await page.locator("#summary").fill("Written in the real Studio against the local lake.");
  await page.getByTestId("field-body").locator("[contenteditable=true]").click();
  await page.keyboard.type("A paragraph typed into the body.");

  await page.getByRole("tab", { name: "Details" }).click();
  await page.getByTestId("field-slug").getByRole("button", { name: "Generate" }).click();
  await page.getByPlaceholder("Type to search").fill("Desk");
  await page.locator("[data-ui=AutocompleteOption]").first().click();

  const client = lakeClient();
  const published = () =>
    client.fetch<{ _id: string; slug: string; summary: string; authorName: string } | null>(
      `*[_type == "post" && title == $title][0]{_id, "slug": slug.current, summary, "authorName": author->name}`,
      { title },
      { perspective: "published" },
    );

  // The Studio validates asynchronously after each edit and refuses to publish until the
  // latest run is clean, so publishing may take more than one press.
  await expect(async () => {
    await page.getByTestId("action-publish").click();
    expect(await published()).not.toBeNull();
  }).toPass({ timeout: 45_000, intervals: [2_000] });

  const post = await published();
  expect(post).toMatchObject({
    slug: title.toLowerCase().replaceAll(" ", "-"),
    summary: "Written in the real Studio against the local lake.",
    authorName: "Daily Insight Desk",
  });
  expect(post?._id.startsWith("drafts.")).toBe(false);
  const draft = await client.getDocument(`drafts.${post?._id}`);
  expect(draft).toBeUndefined();

  await client.delete(post!._id);
  expect(pageErrors).toEqual([]);
  test.info().annotations.push({ type: "studio first load", description: `${firstLoadMs} ms` });
});
