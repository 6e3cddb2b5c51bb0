import { describe, expect, it } from "vitest";
import { postType } from "../../../sanity/schemaTypes/post.ts";

const prepare = (value: Record<string, unknown>) => {
  const preview = postType.preview;
  if (!preview?.prepare) throw new Error("post has a preview with prepare()");
  return preview.prepare(value);
};

describe("a post in the Studio's lists", () => {
  it("shows its date and ticker symbols", () => {
    expect(
      prepare({
        title: "The Great Rotation",
        publishedAt: "2026-01-16T12:00:00.000Z",
        symbol0: "IWM",
        symbol1: "SPY",
      }),
    ).toEqual({ title: "The Great Rotation", subtitle: "2026-01-16 · IWM SPY" });
  });

  it("elides symbols past the fifth", () => {
    expect(
      prepare({
        publishedAt: "2026-01-16T12:00:00.000Z",
        ...Object.fromEntries(["A", "B", "C", "D", "E", "F"].map((s, i) => [`symbol${i}`, s])),
      }),
    ).toEqual({ title: "Untitled insight", subtitle: "2026-01-16 · A B C D E …" });
  });
});
