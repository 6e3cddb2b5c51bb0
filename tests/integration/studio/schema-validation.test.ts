import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestLake, type TestLake } from "../../support/lake.ts";
import { describeMarker, studioMarkers } from "../../support/studio-validation.ts";

// The schema run through Sanity's own validator, as the Studio runs it, against an empty lake.
let lake: TestLake;
beforeAll(async () => {
  lake = await startTestLake();
});
afterAll(async () => {
  await lake?.stop();
});

async function messagesFor(document: Record<string, unknown>) {
  return (await studioMarkers(document, lake.client)).map(describeMarker);
}

const linkPost = (href: string) => ({
  _type: "post",
  title: "t",
  slug: { _type: "slug", current: "t" },
  publishedAt: "2026-01-16T12:00:00.000Z",
  summary: "s",
  author: { _type: "reference", _ref: "author.a" },
  body: [
    {
      _type: "block",
      _key: "b",
      style: "normal",
      markDefs: [{ _type: "link", _key: "l", href }],
      children: [{ _type: "span", _key: "s", text: "t", marks: ["l"] }],
    },
  ],
});

describe("schema validation", () => {
  it("accepts web and e-mail links only", async () => {
    expect(await messagesFor(linkPost("https://example.com/a"))).toEqual([]);
    expect(await messagesFor(linkPost("mailto:desk@example.com"))).toEqual([]);
    for (const href of ["javascript:alert(1)", "ftp://example.com", "data:text/html,hi"]) {
      expect(await messagesFor(linkPost(href))).toEqual([
        "body.[].markDefs.[].href: Does not match allowed protocols/schemes",
      ]);
    }
  });

  it("requires what an editor must fill in", async () => {
    expect(await messagesFor({ _type: "post" })).toEqual(
      expect.arrayContaining([
        "title: Required",
        "slug: Required",
        "publishedAt: Required",
        "summary: Required",
        "author: Required",
        "body: Required",
      ]),
    );
    expect(await messagesFor({ _type: "ticker" })).toEqual([
      "symbol: Required",
      "name: Required",
      "kind: Required",
    ]);
    expect(await messagesFor({ _type: "author" })).toEqual(
      expect.arrayContaining(["name: Required", "slug: Required"]),
    );
  });

  it("allows only the listed ticker kinds", async () => {
    expect(
      await messagesFor({
        _type: "ticker",
        symbol: "BRK.B",
        name: "Berkshire Hathaway",
        kind: "bond",
      }),
    ).toEqual(['kind: Value "bond" did not match any allowed values']);
  });
});
