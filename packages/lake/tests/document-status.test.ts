import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectMutations, startTestLake } from "./fixture.ts";
import type { TestLake } from "./fixture.ts";

// What the Studio's document lists read to mark a post's status (sanity 6.16's preview store):
// the ids of every version of each listed document, `[*[sanity::versionOf(id)]._id, …]` over the
// raw perspective, refetched whenever its global listener reports a change in the group. That
// listener asks for every version and mendoza effects, but neither results nor mutations; the
// client sends no `includeResult` at all then (it drops false flags), so the lake must default
// it to false, as the Listen API does.

let t: TestLake;
beforeAll(async () => {
  t = await startTestLake();
  await t.client
    .transaction()
    .create({ _id: "edited", _type: "post", title: "Published" })
    .create({ _id: "drafts.edited", _type: "post", title: "Published, with edits" })
    .create({ _id: "drafts.new", _type: "post", title: "Never published" })
    .create({ _id: "edited-2", _type: "post", title: "A longer id, not a version" })
    .create({ _id: "versions.r1.edited", _type: "post", title: "In a release" })
    .commit();
});
afterAll(async () => {
  await t.cleanup();
});

const raw = () => t.client.withConfig({ perspective: "raw" });

describe("document status reads", () => {
  it("lists every version of each document group, as the list's status markers ask", async () => {
    const groups = await raw().fetch<string[][]>(
      `[*[sanity::versionOf("edited")]._id, *[sanity::versionOf("new")]._id]`,
      {},
      { tag: "sanity.studio.preview.observe-version-ids" },
    );
    expect(groups.map((ids) => [...ids].sort())).toEqual([
      ["drafts.edited", "edited", "versions.r1.edited"],
      ["drafts.new"],
    ]);
  });

  it("tells the preview listener when a draft appears and goes, without results or mutations", async () => {
    // The preview listener's own options (sanity 6.16).
    const received = await collectMutations(
      t.client,
      "*",
      3,
      async () => {
        await t.client.create({ _id: "drafts.edited-2", _type: "post", title: "Edits" });
        await t.client.create({ _id: "versions.r1.edited-2", _type: "post", title: "Release" });
        await t.client.delete("drafts.edited-2");
      },
      {
        includeResult: false,
        includePreviousRevision: false,
        includeMutations: false,
        includeAllVersions: true,
        visibility: "query",
        effectFormat: "mendoza",
      },
    );
    expect(received.map(({ documentId, transition }) => ({ documentId, transition }))).toEqual([
      { documentId: "drafts.edited-2", transition: "appear" },
      { documentId: "versions.r1.edited-2", transition: "appear" },
      { documentId: "drafts.edited-2", transition: "disappear" },
    ]);
    const [appeared, , disappeared] = received;
    expect(appeared).not.toHaveProperty("result");
    expect(appeared).not.toHaveProperty("mutations");
    expect(appeared?.effects).toEqual({
      apply: [0, expect.objectContaining({ _id: "drafts.edited-2", title: "Edits" })],
      revert: [0, null],
    });
    expect(disappeared?.effects?.apply).toEqual([0, null]);
  });
});
