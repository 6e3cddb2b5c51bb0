import { describe, expect, it } from "vitest";
import type { DocumentActionComponent, DocumentActionProps, SanityDocument } from "sanity";
import {
  correctionsPublishProblem,
  keepPublishedCorrections,
} from "../../../sanity/components/publish-action.tsx";

// A post's Publish: Sanity's own, disabled with the reason while a published correction is
// removed or rewritten in the draft.

const first = { _key: "a", kind: "correction", at: "2026-01-16T18:00:00.000Z", text: "11 days." };
const later = { _key: "b", kind: "update", at: "2026-01-17T09:00:00.000Z", text: "The close." };

const post = (id: string, corrections?: unknown[]) =>
  ({
    _id: id,
    _type: "post",
    _rev: "r",
    _createdAt: "",
    _updatedAt: "",
    corrections,
  }) as SanityDocument;

const props = (draft: SanityDocument | null, published: SanityDocument | null) =>
  ({
    id: "p",
    type: "post",
    draft,
    published,
    version: null,
    liveEdit: false,
    liveEditSchemaType: false,
    ready: true,
    transactionSyncLock: null,
    onComplete: () => undefined,
    initialValueResolved: true,
  }) as unknown as DocumentActionProps;

// Sanity's Publish as the resolver hands it over; here without hooks.
const onHandle = () => undefined;
const sanityPublish: DocumentActionComponent = () => ({
  label: "Publish",
  title: "",
  disabled: false,
  shortcut: "Ctrl+Alt+P",
  onHandle,
});
sanityPublish.action = "publish";

describe("the post's Publish action", () => {
  const publish = keepPublishedCorrections(sanityPublish);

  it("is Sanity's own while every published correction is kept", () => {
    for (const draft of [[first], [later, first]]) {
      expect(publish(props(post("drafts.p", draft), post("p", [first])))).toEqual(
        sanityPublish(props(null, null)),
      );
    }
    // Never published, or nothing to publish.
    expect(publish(props(post("drafts.p", []), null))?.disabled).toBe(false);
    expect(publish(props(null, post("p", [first])))?.disabled).toBe(false);
  });

  it("is disabled with the reason when a published correction is removed or rewritten", () => {
    const removed = publish(props(post("drafts.p", [later]), post("p", [first])));
    expect(removed).toMatchObject({ disabled: true, shortcut: null, onHandle });
    expect(removed?.title).toMatch(
      /^The published correction of 2026-01-16 \(“11 days\.”\) was removed\. A published correction stays as it was published/,
    );
    const rewritten = publish(
      props(post("drafts.p", [{ ...first, text: "12 days." }]), post("p", [first])),
    );
    expect(rewritten).toMatchObject({ disabled: true, shortcut: null });
    expect(rewritten?.title).toMatch(/\(“11 days\.”\) was rewritten\./);
  });

  it("stays hidden where Sanity hides it", () => {
    const hidden: DocumentActionComponent = () => null;
    hidden.action = "publish";
    expect(
      keepPublishedCorrections(hidden)(props(post("drafts.p", []), post("p", [first]))),
    ).toBeNull();
  });

  it("keeps its identity: one wrapper per action, still known as publish", () => {
    expect(keepPublishedCorrections(sanityPublish)).toBe(publish);
    expect(publish.action).toBe("publish");
  });

  it("reads the corrections of the edited and published versions", () => {
    expect(correctionsPublishProblem({ corrections: [] }, { corrections: [first] })).toMatch(
      /was removed/,
    );
    expect(correctionsPublishProblem(null, { corrections: [first] })).toBeUndefined();
    expect(correctionsPublishProblem({ corrections: [] }, null)).toBeUndefined();
  });
});
