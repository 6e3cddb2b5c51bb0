// A reader's clock: the day and the minute of the day in their time zone (IANA names, from the
// runtime's own tz database through Intl). Pure: the digest planner and the daily alert limit
// are handed `now`, so tests move time without sleeping.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True for a zone name this runtime knows ("America/New_York", "UTC"). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  /** "2026-12-04" */
  day: string;
  /** Minutes after local midnight, 0–1439. */
  minute: number;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** "08:30" ↔ 510. */
export function formatMinute(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function parseMinute(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The instant the clocks in `timeZone` read `minute` on `day`: the first such instant in a DST
 * fold; in a DST gap, as far past the gap as the minute was into it. */
export function zonedInstant(day: string, minute: number, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  const offsetAt = (at: number) => {
    const local = localTime(new Date(at), timeZone);
    return (
      Date.parse(`${local.day}T00:00:00Z`) +
      local.minute * 60_000 -
      Math.floor(at / 60_000) * 60_000
    );
  };
  let at = wall - offsetAt(wall);
  const second = offsetAt(at);
  if (wall - second !== at) at = Math.max(at, wall - second);
  return new Date(at);
}

/** The latest time at or before `now` that the reader's clock read `minute`, and its local day. */
export function lastOccurrence(
  now: Date,
  minute: number,
  timeZone: string,
): { at: Date; day: string } {
  const today = localTime(now, timeZone).day;
  const at = zonedInstant(today, minute, timeZone);
  if (at.getTime() <= now.getTime()) return { at, day: today };
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { at: zonedInstant(yesterday, minute, timeZone), day: yesterday };
}
