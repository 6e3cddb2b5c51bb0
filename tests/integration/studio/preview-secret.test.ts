import { validatePreviewUrl } from "@sanity/preview-url-secret";
import { createPreviewSecret } from "@sanity/preview-url-secret/create-secret";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLake, type TestLake } from "../../support/lake.ts";

// Draft mode's handshake (next-sanity's defineEnableDraftMode) against the real local lake:
// the Studio stores a `sanity.previewUrlSecret` draft, the site finds it with its token.
let lake: TestLake;
beforeAll(async () => {
  lake = await startTestLake();
});
afterAll(async () => {
  await lake.stop();
});

const enableUrl = (secret: string) =>
  `http://localhost:3000/api/draft-mode/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent("/insights/a-post")}`;

describe("the preview secret", () => {
  it("is created by the Studio's code and accepted once found with the token", async () => {
    const { secret } = await createPreviewSecret(lake.client, "test", "/studio", "editor");
    expect(await validatePreviewUrl(lake.client, enableUrl(secret))).toMatchObject({
      isValid: true,
      redirectTo: "/insights/a-post",
    });
  });

  it("is refused when wrong, and cannot be read without the token", async () => {
    await createPreviewSecret(lake.client, "test", "/studio", "editor");
    expect(await validatePreviewUrl(lake.client, enableUrl("not-the-secret"))).toMatchObject({
      isValid: false,
    });
    const secrets = await lake.anonymousClient.fetch(
      `*[_type == "sanity.previewUrlSecret"]{secret}`,
    );
    expect(secrets).toEqual([]);
    await expect(
      lake.anonymousClient.fetch(
        `*[_type == "sanity.previewUrlSecret"]`,
        {},
        { perspective: "raw" },
      ),
    ).rejects.toThrow(/Unauthorized/);
  });
});
