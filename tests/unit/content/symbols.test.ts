import { describe, expect, it } from "vitest";
import { canonicalSymbol, isSymbol } from "@/lib/content/symbols";

describe("ticker symbols", () => {
  it("accepts stored symbols, share classes included", () => {
    for (const symbol of ["IWM", "NVDA", "BRK.B", "A", "ABCDEFGHIJ"]) {
      expect(isSymbol(symbol), symbol).toBe(true);
    }
  });

  it("refuses anything else", () => {
    for (const value of ["", "iwm", "1ABC", "TOOLONGSYMBOL1", "BRK.BB", "IW M", "../etc"]) {
      expect(isSymbol(value), value).toBe(false);
    }
  });

  it("spells typed symbols as stored, or refuses them", () => {
    expect(canonicalSymbol(" brk.b ")).toBe("BRK.B");
    expect(canonicalSymbol("Iwm")).toBe("IWM");
    expect(canonicalSymbol("<script>")).toBeNull();
  });
});
