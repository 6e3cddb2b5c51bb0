import { describe, expect, it } from "vitest";
import {
  formatMinute,
  isTimeZone,
  lastOccurrence,
  localTime,
  parseMinute,
  zonedInstant,
} from "@/lib/email/local-time";

describe("a reader's clock", () => {
  it("reads the day and minute in the reader's zone, across the date line", () => {
    const at = new Date("2026-12-03T23:05:00Z");
    expect(localTime(at, "Asia/Tokyo")).toEqual({ day: "2026-12-04", minute: 8 * 60 + 5 });
    expect(localTime(at, "America/Los_Angeles")).toEqual({
      day: "2026-12-03",
      minute: 15 * 60 + 5,
    });
    expect(localTime(at, "Asia/Kolkata")).toEqual({ day: "2026-12-04", minute: 4 * 60 + 35 });
  });

  it("finds the instant a zone's clocks read a time, DST included", () => {
    expect(zonedInstant("2026-12-04", 480, "Asia/Tokyo").toISOString()).toBe(
      "2026-12-03T23:00:00.000Z",
    );
    expect(zonedInstant("2026-07-04", 480, "America/New_York").toISOString()).toBe(
      "2026-07-04T12:00:00.000Z",
    );
    expect(zonedInstant("2026-12-04", 480, "America/New_York").toISOString()).toBe(
      "2026-12-04T13:00:00.000Z",
    );
    // 02:30 does not exist in New York on 8 March 2026: past the gap, not before it.
    expect(zonedInstant("2026-03-08", 150, "America/New_York").getTime()).toBeGreaterThanOrEqual(
      Date.parse("2026-03-08T07:00:00Z"),
    );
  });

  it("takes the last digest time at or before now: today's once it has passed, else yesterday's", () => {
    const tokyoMorning = lastOccurrence(new Date("2026-12-03T23:05:00Z"), 480, "Asia/Tokyo");
    expect(tokyoMorning).toEqual({ at: new Date("2026-12-03T23:00:00Z"), day: "2026-12-04" });
    const laBefore = lastOccurrence(new Date("2026-12-04T15:59:00Z"), 480, "America/Los_Angeles");
    expect(laBefore).toEqual({ at: new Date("2026-12-03T16:00:00Z"), day: "2026-12-03" });
    const laAt = lastOccurrence(new Date("2026-12-04T16:00:00Z"), 480, "America/Los_Angeles");
    expect(laAt).toEqual({ at: new Date("2026-12-04T16:00:00Z"), day: "2026-12-04" });
  });

  it("accepts only zones the runtime knows, and times as HH:MM", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["", "Mars/Olympus", "America/New_Yrok", "x".repeat(80)])
      expect(isTimeZone(bad)).toBe(false);
    expect(parseMinute("08:30")).toBe(510);
    expect(parseMinute("23:59")).toBe(1439);
    for (const bad of ["24:00", "8:30", "08:60", "0830", ""]) expect(parseMinute(bad)).toBeNull();
    expect(formatMinute(510)).toBe("08:30");
  });
});
