import { describe, expect, it } from "vitest";
import { estimateWidthEm, fitTitle, wrapWords, type TitleBox } from "@/lib/og/title-fit";
import { LONG_TITLE } from "./fixtures";

const box: TitleBox = {
  width: 1072,
  height: 244,
  sizes: [72, 64, 58, 52, 46, 42, 38, 34],
  lineHeight: 1.14,
};
const SEED_TITLE = "The Great Rotation: Russell 2000’s Historic Streak Against Big Tech";

describe("fitTitle", () => {
  it("keeps a short title at the largest size", () => {
    expect(fitTitle("Stocks rally", box)).toEqual({ text: "Stocks rally", fontSize: 72, lines: 1 });
  });

  it("shrinks as titles grow, and keeps every word whole", () => {
    const seed = fitTitle(SEED_TITLE, box);
    const long = fitTitle(LONG_TITLE, box);
    expect(seed.fontSize).toBeGreaterThan(long.fontSize);
    expect(long.text).toBe(LONG_TITLE);
    expect(long.lines * long.fontSize * box.lineHeight).toBeLessThanOrEqual(box.height);
  });

  it("cuts a title that cannot fit even at the smallest size after a whole word, with an ellipsis", () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const fitted = fitTitle(title, box);
    expect(fitted.fontSize).toBe(34);
    expect(fitted.text.endsWith("…")).toBe(true);
    const kept = fitted.text.slice(0, -1).split(" ");
    expect(title.split(" ").slice(0, kept.length)).toEqual(kept);
  });

  it("shrinks until the longest word fits on a line", () => {
    const word = "Supercalifragilisticexpialidocious-Megacorporation";
    const fitted = fitTitle(`${word} rallies`, box);
    expect(estimateWidthEm(word) * fitted.fontSize).toBeLessThanOrEqual(box.width);
  });
});

describe("wrapWords", () => {
  it("wraps greedily between words", () => {
    expect(wrapWords(["aa", "bb", "cc"], estimateWidthEm("aa bb"))).toEqual([["aa", "bb"], ["cc"]]);
  });
});
