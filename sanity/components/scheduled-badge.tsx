import { useEffect, useState } from "react";
import type { DocumentBadgeComponent } from "sanity";

// A post whose publishedAt is in the future is scheduled: readers see it nowhere until then, and
// it appears by itself at its time (lib/sanity/go-live.ts). The Studio says so on the document,
// in the editor's own time zone and in New York's, where the market it writes about opens.

const NEW_YORK = "America/New_York";

/** "Jan 17, 2026, 2:00 PM GMT+1 (8:00 AM in New York)"; the New York part alone if that is the editor's zone. */
export function scheduledTime(at: Date, editorZone: string, locale = "en-US"): string {
  const mine = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: editorZone,
  }).format(at);
  const zoneName =
    new Intl.DateTimeFormat(locale, { timeZone: editorZone, timeZoneName: "short" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? editorZone;
  if (editorZone === NEW_YORK) return `${mine} New York time`;
  const newYork = new Intl.DateTimeFormat(locale, {
    ...(sameDay(at, editorZone, NEW_YORK) ? {} : { month: "short", day: "numeric" }),
    hour: "numeric",
    minute: "2-digit",
    timeZone: NEW_YORK,
  }).format(at);
  return `${mine} ${zoneName} (${newYork} in New York)`;
}

function sameDay(at: Date, a: string, b: string): boolean {
  const day = (zone: string) => at.toLocaleDateString("en-CA", { timeZone: zone });
  return day(a) === day(b);
}

/** The editor's zone, as their browser reports it. */
const editorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Re-renders when `at` passes, so the badge goes away at the post's time. */
function usePassed(at: number | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined || at <= now) return;
    // setTimeout's longest wait is about 24.8 days; a later time is checked again then.
    const timer = setTimeout(() => setNow(Date.now()), Math.min(at - now + 100, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [at, now]);
  return at === undefined || at <= now;
}

export const ScheduledBadge: DocumentBadgeComponent = ({ published, draft }) => {
  const value = (published ?? draft)?.publishedAt;
  const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
  const passed = usePassed(Number.isNaN(at) ? undefined : at);
  if (passed) return null;
  const when = scheduledTime(new Date(at), editorZone());
  return {
    label: `Scheduled for ${when}`,
    title: published
      ? "Published, and hidden from readers until this time: it appears on the site by itself then"
      : "Once published, readers see it from this time on",
    color: "primary",
  };
};
