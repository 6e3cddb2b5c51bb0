import { describe, expect, it } from "vitest";
import { parseSearchInput, SEARCH_MAX_LENGTH, SEARCH_MAX_TERMS } from "@/lib/content/search";

describe("parseSearchInput", () => {
  it("treats a missing or blank query as the empty state", () => {
    expect(parseSearchInput(undefined)).toEqual({ kind: "empty" });
    expect(parseSearchInput("   ")).toEqual({ kind: "empty" });
  });

  it("turns words into lower-case prefix patterns, once each", () => {
    expect(parseSearchInput("  Small  caps small ")).toEqual({
      kind: "ok",
      query: "Small caps small",
      terms: ["small*", "caps*"],
      symbol: null,
    });
  });

  it("strips GROQ match syntax and punctuation so input cannot widen the match", () => {
    const input = parseSearchInput('*rot* "quoted" (s&p) -minus');
    expect(input).toMatchObject({ kind: "ok", terms: ["rot*", "quoted*", "s*", "p*", "minus*"] });
  });

  it("keeps letters beyond ASCII", () => {
    expect(parseSearchInput("Zürich")).toMatchObject({ terms: ["zürich*"] });
  });

  it("recognises a ticker symbol, share classes included", () => {
    expect(parseSearchInput("brk.b")).toMatchObject({
      kind: "ok",
      symbol: "BRK.B",
      terms: ["brk*", "b*"],
    });
    expect(parseSearchInput("IWM")).toMatchObject({ symbol: "IWM" });
    expect(parseSearchInput("small caps")).toMatchObject({ symbol: null });
  });

  it("caps the number of terms", () => {
    const input = parseSearchInput("a b c d e f g h i j k");
    expect(input.kind === "ok" && input.terms.length).toBe(SEARCH_MAX_TERMS);
  });

  it("answers friendly messages for input it cannot search", () => {
    expect(parseSearchInput("***")).toMatchObject({ kind: "invalid", query: "***" });
    expect(parseSearchInput("x".repeat(SEARCH_MAX_LENGTH + 1))).toMatchObject({ kind: "invalid" });
    expect(parseSearchInput(["iwm", "spy"])).toMatchObject({ kind: "ok", query: "iwm" });
  });
});
