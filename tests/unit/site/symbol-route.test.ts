import { describe, expect, it } from "vitest";
import { resolveSymbolSegment } from "@/lib/site/symbol-route";

describe("resolveSymbolSegment", () => {
  it("renders canonical symbols, share classes included", () => {
    expect(resolveSymbolSegment("IWM")).toEqual({ kind: "render", symbol: "IWM" });
    expect(resolveSymbolSegment("BRK.B")).toEqual({ kind: "render", symbol: "BRK.B" });
  });

  it("redirects other spellings to the upper-case symbol", () => {
    expect(resolveSymbolSegment("iwm")).toEqual({ kind: "redirect", symbol: "IWM" });
    expect(resolveSymbolSegment("Brk.b")).toEqual({ kind: "redirect", symbol: "BRK.B" });
    expect(resolveSymbolSegment(" IWM ")).toEqual({ kind: "redirect", symbol: "IWM" });
  });

  it("answers 404 for anything that cannot be a symbol, without reading content", () => {
    for (const segment of [
      "",
      "-",
      "1ABC",
      "TOOLONGSYMBOL1",
      "BRK.BB",
      "<script>",
      "IW M",
      "../etc",
    ]) {
      expect(resolveSymbolSegment(segment), segment).toEqual({ kind: "not-found" });
    }
  });
});
