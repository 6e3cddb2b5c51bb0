import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { alertSettingsInput } = await import("@/lib/email/settings");

describe("the alert settings form", () => {
  it("takes a mode, a time and a zone", () => {
    expect(
      alertSettingsInput.parse({ mode: "digest", digestTime: "07:45", timeZone: "Europe/London" }),
    ).toEqual({ mode: "digest", digestTime: 465, timeZone: "Europe/London" });
  });

  it("refuses what the form cannot send, in words a reader understands", () => {
    const message = (input: Record<string, unknown>) =>
      alertSettingsInput.safeParse(input).error?.issues[0]?.message;
    expect(message({ mode: "hourly", digestTime: "08:00", timeZone: "UTC" })).toBe(
      "Choose how often we email you.",
    );
    expect(message({ mode: "digest", digestTime: "25:00", timeZone: "UTC" })).toMatch(/like 08:00/);
    expect(message({ mode: "digest", digestTime: "08:00", timeZone: "Nowhere/Atlantis" })).toBe(
      "Pick your time zone from the list.",
    );
  });
});
