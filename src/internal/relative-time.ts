/** Largest unit first: a time is said in the largest unit it has at least one of. */
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * How long ago (or how far ahead) `date` is, in `language`: "5 minutes ago", "yesterday",
 * "now" (under 45 seconds), "vor 3 Stunden".
 */
export function relativeTime(date: Date, language: string, now: number = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000;
  const format = new Intl.RelativeTimeFormat(language, {numeric: 'auto'});
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds), 'second');
}

/** The date and time in full, for a title beside a relative time ("12 May 2025, 14:03"). */
export function absoluteTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}
