import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/watchlists/csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes dates as ISO 8601, numbers as they are and nothing as empty", () => {
    expect(csvField(new Date(Date.UTC(2026, 0, 16, 9, 30)))).toBe("2026-01-16T09:30:00.000Z");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(null)).toBe("");
    expect(
      toCsv([
        ["a", null],
        ["b", "c,d"],
      ]),
    ).toBe('a,\r\nb,"c,d"\r\n');
  });
});
