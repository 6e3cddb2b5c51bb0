import { describe, expect, it } from "vitest";
import { scheduledTime } from "../../../sanity/components/scheduled-badge.tsx";

// "Scheduled for <time>": in the editor's zone, and in New York's.

const at = new Date("2027-01-18T13:30:00.000Z"); // 8:30 AM in New York (EST)

describe("a scheduled post's time in the Studio", () => {
  it("reads in the editor's zone and in New York time", () => {
    expect(scheduledTime(at, "Europe/Berlin")).toBe(
      "Jan 18, 2027, 2:30 PM GMT+1 (8:30 AM in New York)",
    );
    expect(scheduledTime(at, "UTC")).toBe("Jan 18, 2027, 1:30 PM UTC (8:30 AM in New York)");
  });

  it("names New York's day when it is another day there", () => {
    expect(scheduledTime(new Date("2027-01-18T02:00:00.000Z"), "Asia/Tokyo")).toBe(
      "Jan 18, 2027, 11:00 AM GMT+9 (Jan 17, 9:00 PM in New York)",
    );
  });

  it("says it once for an editor in New York", () => {
    expect(scheduledTime(at, "America/New_York")).toBe("Jan 18, 2027, 8:30 AM New York time");
  });
});
