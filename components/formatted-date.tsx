// Dates are published as instants; the site shows the calendar day in UTC so the server and
// every reader agree on it.
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function FormattedDate({ value }: { value: string | null }) {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return <time dateTime={value}>{dayFormat.format(date)}</time>;
}
