import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePng, request, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
});
afterAll(async () => {
  await t.cleanup();
});

describe("assets", () => {
  it("uploads an image, creates its asset document and serves the same bytes back", async () => {
    const png = makePng(3, 2);
    const asset = await t.client.assets.upload("image", png, { filename: "chart.png" });
    expect(asset).toMatchObject({
      _type: "sanity.imageAsset",
      _id: expect.stringMatching(/^image-[0-9a-f]{40}-3x2-png$/),
      mimeType: "image/png",
      extension: "png",
      size: png.length,
      originalFilename: "chart.png",
      metadata: { dimensions: { width: 3, height: 2, aspectRatio: 1.5 } },
    });
    expect(asset.url).toBe(`${t.lake.url}/images/local/production/${asset.sha1hash}-3x2.png`);
    const served = await fetch(asset.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    expect(await t.anonymousClient.getDocument(asset._id)).toMatchObject({ _id: asset._id });
    const again = await t.client.assets.upload("image", png);
    expect(again._id).toBe(asset._id);
  });

  it("uploads files and rejects non-images as images", async () => {
    const file = await t.client.assets.upload("file", Buffer.from("a,b\n1,2\n"), {
      filename: "data.csv",
    });
    expect(file).toMatchObject({
      _type: "sanity.fileAsset",
      extension: "csv",
      mimeType: "text/csv; charset=utf-8",
    });
    expect(await (await fetch(file.url)).text()).toBe("a,b\n1,2\n");
    await expect(
      t.client.assets.upload("image", Buffer.from("not an image")),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("needs a token to upload and 404s unknown files", async () => {
    await expect(t.anonymousClient.assets.upload("image", makePng(1, 1))).rejects.toMatchObject({
      statusCode: 401,
    });
    expect(
      (await request(`${t.lake.url}/images/local/production/${"0".repeat(40)}-1x1.png`)).status,
    ).toBe(404);
    expect((await request(`${t.lake.url}/images/local/production/..%2F..%2Fsecret`)).status).toBe(
      404,
    );
  });
});
