import type { FrameLocator } from "@playwright/test";
import { stegaClean } from "@sanity/client/stega";
import { visibleText } from "./pages/article-page.ts";
import { deletePosts, lakeClient } from "./env.ts";
import { expect, test } from "./fixtures.ts";
import { keepScreenshot } from "./pages/studio-page.ts";

// The Presentation tool against the local lake, in the real Studio: a post opened from its
// "Used on one page" locations shows the real article page in the iframe, in draft mode, with
// an unpublished edit; the article's text carries stega edit info, a click on the title
// focuses the title field, and an edit typed in the Studio reaches the iframe. The public page,
// and every public reading of it, still show the published post.

test.use({ viewport: { width: 1600, height: 1200 } });

test("an editor previews an unpublished draft in the Presentation tool", async ({
  page,
  request,
  studio,
}) => {
  test.setTimeout(180_000);

  const client = lakeClient();
  const stamp = Date.now();
  const id = `presentation-e2e-${stamp}`;
  const slug = `small-caps-in-presentation-${stamp}`;
  const title = `Small caps in Presentation ${stamp}`;
  const draftTitle = `${title} (unpublished)`;
  const note = "The streak’s own index.";
  const draftNote = "The streak’s own index, now with a draft note.";
  const post = {
    _id: id,
    _type: "post",
    title,
    slug: { _type: "slug", current: slug },
    publishedAt: "2026-01-20T08:00:00Z",
    summary: "What the Russell 2000 does after a record run.",
    author: { _type: "reference", _ref: "author-daily-insight-desk" },
    tickers: [{ _key: "iwm", note, ticker: { _type: "reference", _ref: "ticker-IWM" } }],
    keyPoints: [{ _key: "gap", label: "Valuation gap", text: "Small caps trade at 18x." }],
  };
  await client.create(post);
  // The unpublished edit, saved as a draft the way the Studio saves one.
  await client.create({
    ...post,
    _id: `drafts.${id}`,
    title: draftTitle,
    tickers: [{ ...post.tickers[0]!, note: draftNote }],
  });

  try {
    await test.step("open the draft from its locations in Presentation", async () => {
      await studio.open();
      await studio.openPost(draftTitle);

      // The post's locations (resolve.locations): its article, opened in Presentation.
      await page.getByRole("button", { name: "Used on one page" }).click();
      await page
        .getByTestId("form-view")
        .getByRole("link", { name: draftTitle })
        .and(page.locator(`[href*="${encodeURIComponent(`/draft/insights/${slug}`)}"]`))
        .click();
      await expect(page).toHaveURL(/\/studio\/presentation/);
    });

    const preview: FrameLocator = page.frameLocator("iframe");
    const heading = preview.getByRole("heading", { level: 1 });
    await test.step("the iframe shows the draft, its text with stega edit info", async () => {
      await expect
        .poll(() => visibleText(heading), { timeout: 30_000, message: "the draft in the iframe" })
        .toBe(draftTitle);
      await expect(preview.getByRole("complementary", { name: "Draft preview" })).toBeVisible();
      const mention = preview
        .getByRole("region", { name: "Tickers in this insight" })
        .getByRole("listitem");
      // The note, then the author's position (not stated in this test's post).
      expect(await visibleText(mention.locator("p").first())).toBe(draftNote);
      // Stega: the title carries invisible edit info; the ticker link stays a clean URL.
      expect(await heading.textContent()).not.toBe(draftTitle);
      await expect(mention.getByRole("link", { name: "IWM", exact: true })).toHaveAttribute(
        "href",
        "/tickers/IWM",
      );
    });

    await test.step("metadata and JSON-LD are read without stega, even in draft mode", async () => {
      const frame = page
        .frames()
        .find((candidate) => new URL(candidate.url()).pathname === `/draft/insights/${slug}`);
      expect(await frame?.title()).toBe(`${draftTitle} · Daily Insight`);
      const jsonLd = await preview.locator('script[type="application/ld+json"]').textContent();
      expect(JSON.parse(jsonLd ?? "{}")).toMatchObject({ headline: draftTitle });
    });

    const titleField = studio.field("title").getByRole("textbox");
    await test.step("click-to-edit: the title's overlay focuses the title field", async () => {
      // Presentation's main document for the page (resolve.mainDocuments) is the post.
      await expect(titleField).toHaveValue(draftTitle, { timeout: 30_000 });
      await expect(titleField).not.toBeFocused();
      await heading.hover();
      await heading.click();
      await expect(titleField).toBeFocused();
      await keepScreenshot("presentation with the draft", page);
    });

    await test.step("an edit typed in the Studio reaches the iframe", async () => {
      const editedTitle = `${draftTitle} and edited`;
      await titleField.fill(editedTitle);
      await expect
        .poll(() => visibleText(heading), { timeout: 30_000, message: "the edit in the iframe" })
        .toBe(editedTitle);
    });

    await test.step("every public reading still shows the published post", async () => {
      // The preview's own address is no page without draft mode.
      expect((await request.get(`/draft/insights/${slug}`)).status()).toBe(404);
      const publicHtml = await (await request.get(`/insights/${slug}`)).text();
      expect(publicHtml).toContain(title);
      expect(publicHtml).toContain(note);
      expect(publicHtml).not.toContain(draftTitle);
      expect(publicHtml).not.toContain(draftNote);
      expect(stegaClean(publicHtml), "no stega on the public page").toBe(publicHtml);
      for (const path of ["/", "/tickers/IWM", "/feed.xml", "/sitemap.xml"]) {
        const body = await (await request.get(path)).text();
        expect(body, path).not.toContain(draftTitle);
        expect(stegaClean(body), `no stega in ${path}`).toBe(body);
      }
    });
  } finally {
    await deletePosts([id]);
  }
});
