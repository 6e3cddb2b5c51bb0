import { describe, expect, it } from "vitest";
import {
  publishedCorrectionChanges,
  publishedCorrectionsProblem,
  validateCorrections,
  type CorrectionValue,
} from "@/sanity/schemaTypes/rules";

// A published correction is a public record: the Studio refuses removing or rewriting one, and
// keeps the list newest first, as readers see it.

const published: CorrectionValue[] = [
  { _key: "b", kind: "update", at: "2026-01-17T15:00:00.000Z", text: "Added the close." },
  { _key: "a", kind: "correction", at: "2026-01-16T18:00:00.000Z", text: "The streak is 11 days." },
];

const messages = (result: ReturnType<typeof validateCorrections>) =>
  result === true ? [] : typeof result === "string" ? [result] : result.map((e) => e.message);

describe("validateCorrections", () => {
  it("accepts the published list, and a new correction added above it", () => {
    expect(validateCorrections(published, published)).toBe(true);
    const added = {
      _key: "c",
      kind: "clarification",
      at: "2026-01-18T09:00:00.000Z",
      text: "“Rotation” means flows, not prices.",
    };
    expect(validateCorrections([added, ...published], published)).toBe(true);
    expect(validateCorrections([added], undefined)).toBe(true);
    expect(validateCorrections(undefined, undefined)).toBe(true);
  });

  it("refuses removing a published correction", () => {
    const result = validateCorrections([published[0]!], published);
    expect(messages(result)).toEqual([
      expect.stringMatching(/published correction of 2026-01-16 was removed/),
    ]);
  });

  it("refuses rewriting a published correction's text, kind or time, at that item", () => {
    for (const change of [
      { text: "The streak is 12 days." },
      { kind: "clarification" },
      { at: "2026-01-16T19:00:00.000Z" },
    ]) {
      const edited = [published[0]!, { ...published[1]!, ...change }];
      const result = validateCorrections(edited, published);
      expect(messages(result)).toEqual([expect.stringMatching(/cannot be rewritten/)]);
      expect(result !== true && typeof result !== "string" && result[0]?.path).toEqual([
        { _key: "a" },
      ]);
    }
  });

  it("allows an unpublished correction to be edited or removed", () => {
    const draftOnly = { _key: "c", kind: "update", at: "2026-01-18T09:00:00.000Z", text: "x" };
    expect(validateCorrections([{ ...draftOnly, text: "y" }, ...published], published)).toBe(true);
    expect(validateCorrections(published, published)).toBe(true);
  });

  it("keeps the list newest first", () => {
    const older = [...published].reverse();
    expect(messages(validateCorrections(older, published))).toEqual([
      expect.stringMatching(/newest first/),
    ]);
  });
});

describe("publishedCorrectionsProblem: why Publish refuses a post, in plain words", () => {
  it("says nothing while every published correction is there as published", () => {
    expect(publishedCorrectionsProblem(published, published)).toBeUndefined();
    const added = { _key: "c", kind: "update", at: "2026-01-18T09:00:00.000Z", text: "New." };
    expect(publishedCorrectionsProblem([added, ...published], published)).toBeUndefined();
    // Never published: nothing is on the record yet; nor is the order its business.
    expect(publishedCorrectionsProblem([...published].reverse(), undefined)).toBeUndefined();
    expect(publishedCorrectionsProblem(undefined, [])).toBeUndefined();
  });

  it("names a removed correction and what to do instead", () => {
    expect(publishedCorrectionsProblem([published[0]!], published)).toBe(
      "The published correction of 2026-01-16 (“The streak is 11 days.”) was removed. " +
        "A published correction stays as it was published: undo the change and add a new " +
        "correction at the top instead.",
    );
    expect(publishedCorrectionsProblem(undefined, published)).toMatch(
      /^The published update of 2026-01-17 \(“Added the close\.”\) was removed\. The published correction of 2026-01-16 .* was removed\. .*undo the changes and add a new correction at the top instead\.$/,
    );
  });

  it("names a rewritten correction by what it said when published", () => {
    const edited = [published[0]!, { ...published[1]!, text: "The streak is 12 days." }];
    expect(publishedCorrectionsProblem(edited, published)).toBe(
      "The published correction of 2026-01-16 (“The streak is 11 days.”) was rewritten. " +
        "A published correction stays as it was published: undo the change and add a new " +
        "correction at the top instead.",
    );
    // Whitespace at the ends is no rewrite.
    const padded = [published[0]!, { ...published[1]!, text: " The streak is 11 days. " }];
    expect(publishedCorrectionsProblem(padded, published)).toBeUndefined();
  });

  it("shortens a long text", () => {
    const long = { ...published[1]!, text: "word ".repeat(40) };
    expect(publishedCorrectionsProblem([], [long])).toMatch(
      /^The published correction of 2026-01-16 \(“(word ){11}word…”\) was removed\./,
    );
  });
});

describe("publishedCorrectionChanges", () => {
  it("lists each removed or rewritten one, matched by key, with where it is now", () => {
    const moved = { ...published[1]!, kind: "clarification" };
    expect(publishedCorrectionChanges([moved], published)).toEqual([
      { change: "removed", published: published[0] },
      { change: "rewritten", published: published[1], index: 0, current: moved },
    ]);
  });
});
