import { isValidElement } from "react";
import { describe, expect, it } from "vitest";
import { postSubtitleText, postType } from "../../../sanity/schemaTypes/post.tsx";

const prepare = (value: Record<string, unknown>) => {
  const preview = postType.preview;
  if (!preview?.prepare) throw new Error("post has a preview with prepare()");
  return preview.prepare(value);
};

describe("a post in the Studio's lists", () => {
  it("shows its date and ticker symbols", () => {
    expect(
      postSubtitleText({
        publishedAt: "2026-01-16T12:00:00.000Z",
        symbol0: "IWM",
        symbol1: "SPY",
      }),
    ).toBe("2026-01-16 · IWM SPY");
  });

  it("elides symbols past the fifth", () => {
    expect(
      postSubtitleText({
        publishedAt: "2026-01-16T12:00:00.000Z",
        ...Object.fromEntries(["A", "B", "C", "D", "E", "F"].map((s, i) => [`symbol${i}`, s])),
      }),
    ).toBe("2026-01-16 · A B C D E …");
  });

  it("marks a post whose time is still to come as scheduled", () => {
    expect(postSubtitleText({ publishedAt: "2999-01-02T09:00:00.000Z", symbol0: "IWM" })).toBe(
      "Scheduled 2999-01-02 · IWM",
    );
  });

  it("says when it has no date yet", () => {
    expect(postSubtitleText({ symbol0: "IWM" })).toBe("Not scheduled · IWM");
  });

  it("hands its id to the icon that marks a post never published", () => {
    const { title, subtitle, media } = prepare({
      id: "drafts.post-1",
      publishedAt: "2026-01-16T12:00:00.000Z",
      symbol0: "IWM",
    });
    expect({ title, subtitle }).toEqual({
      title: "Untitled insight",
      subtitle: "2026-01-16 · IWM",
    });
    expect(isValidElement(media)).toBe(true);
    expect((media as { props: { documentId?: string } }).props.documentId).toBe("drafts.post-1");
  });
});
