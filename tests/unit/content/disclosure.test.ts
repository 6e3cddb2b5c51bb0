import { describe, expect, it } from "vitest";
import { dateModified, shownCorrections } from "@/lib/content/corrections";
import { isPosition, positionStatement } from "@/lib/content/disclosure";

describe("positionStatement", () => {
  it("says the author's position in words", () => {
    expect(positionStatement("long", "IWM")).toBe("Author position: long IWM");
    expect(positionStatement("short", "NVDA")).toBe("Author position: short NVDA");
    expect(positionStatement("none", "SPY")).toBe("Author position: none in SPY");
  });

  it("never invents a position that was not stated", () => {
    expect(positionStatement(null, "QQQ")).toBe("Author position in QQQ: not stated");
    expect(positionStatement("sideways", "QQQ")).toBe("Author position in QQQ: not stated");
    expect(isPosition("long")).toBe(true);
    expect(isPosition("sideways")).toBe(false);
  });
});

describe("shownCorrections and dateModified", () => {
  const rows = [
    { _key: "a", kind: "correction", at: "2026-01-16T18:00:00Z", text: "Fixed a figure." },
    { _key: "b", kind: "update", at: "2026-01-17T15:00:00Z", text: "Added the close." },
    { _key: "c", kind: "clarification", at: null, text: "Incomplete." },
    { _key: "d", kind: "bogus", at: "2026-01-16T20:00:00Z", text: "Unknown kind." },
  ];

  it("shows complete entries newest first, with their kind in words", () => {
    expect(shownCorrections(rows).map((c) => [c.key, c.title])).toEqual([
      ["b", "Update"],
      ["d", "Correction"],
      ["a", "Correction"],
    ]);
    expect(shownCorrections(null)).toEqual([]);
  });

  it("dates a post's last change to its latest correction", () => {
    const shown = shownCorrections(rows);
    expect(dateModified("2026-01-16T13:00:00Z", shown)).toBe("2026-01-17T15:00:00Z");
    expect(dateModified("2026-01-16T13:00:00Z", [])).toBe("2026-01-16T13:00:00Z");
  });
});
