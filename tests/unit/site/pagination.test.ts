import { describe, expect, it } from "vitest";
import {
  laterPageFrom,
  pageCountFor,
  pageHref,
  pageLinks,
  pageSlice,
  parsePageParam,
} from "@/lib/site/pagination";

describe("parsePageParam", () => {
  it("reads positive whole numbers and defaults to the first page", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("2")).toBe(2);
    expect(parsePageParam("999999")).toBe(999999);
  });

  it("rejects everything else, so the route answers 404 instead of guessing", () => {
    for (const raw of ["0", "-1", "01", "1.5", "1e3", "abc", "", " 2", "2 ", "9999999", "NaN"]) {
      expect(parsePageParam(raw), raw).toBeNull();
    }
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});

describe("page math", () => {
  it("counts pages, with one page even when empty", () => {
    expect(pageCountFor(0, 10)).toBe(1);
    expect(pageCountFor(1, 10)).toBe(1);
    expect(pageCountFor(10, 10)).toBe(1);
    expect(pageCountFor(11, 10)).toBe(2);
    expect(pageCountFor(25, 10)).toBe(3);
  });

  it("slices GROQ ranges with an exclusive end", () => {
    expect(pageSlice(1, 10)).toEqual({ start: 0, end: 10 });
    expect(pageSlice(3, 10)).toEqual({ start: 20, end: 30 });
  });

  it("links the first page by its bare path and stops at either end", () => {
    expect(pageHref("/", 1)).toBe("/");
    expect(pageHref("/", 2)).toBe("/?page=2");
    expect(pageLinks("/", 1, 3)).toEqual({ previous: null, next: "/?page=2" });
    expect(pageLinks("/", 2, 3)).toEqual({ previous: "/", next: "/?page=3" });
    expect(pageLinks("/", 3, 3)).toEqual({ previous: "/?page=2", next: null });
    expect(pageLinks("/", 1, 1)).toEqual({ previous: null, next: null });
  });
});

describe("laterPageFrom", () => {
  it("reads the pages/[page] segment: page 2 and up, nothing else", () => {
    expect(laterPageFrom("2")).toBe(2);
    expect(laterPageFrom("120")).toBe(120);
    for (const segment of ["1", "-", "0", "02", "abc", ""]) {
      expect(laterPageFrom(segment), segment).toBeNull();
    }
  });
});
