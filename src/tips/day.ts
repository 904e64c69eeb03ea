/**
 * Days as the tip schedule sees them: in TIP_TIMEZONE, not in UTC or the server's zone.
 * "One tip per channel per day" and "catch up if we were down" both count in that day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekdays as QUIZ_DAY names them, in the order Date#getUTCDay counts them (Sunday first). */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday of `date` in `timeZone`. */
export function localWeekday(date: Date, timeZone: string): Weekday {
  let formatter = weekdayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' });
    weekdayFormatters.set(timeZone, formatter);
  }
  return formatter.format(date).toLowerCase() as Weekday;
}

/** A weekday's name in a language ("Freitag", "vendredi", "Jumat"), for messages. */
export function weekdayName(day: Weekday, locale: string): string {
  // 2026-01-04 was a Sunday; noon UTC is that same weekday in every time zone.
  const date = new Date(Date.UTC(2026, 0, 4 + WEEKDAYS.indexOf(day), 12));
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** The calendar day of `date` in `timeZone`, as YYYY-MM-DD. */
export function localDay(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}

/**
 * Whether the schedule fired earlier today (in `timeZone`), at or before `now`: if so and
 * the bot was down then, today's tip is still owed. `matches` is the schedule's own test
 * for an instant; `seconds` are the second marks it can fire at (0 for five-field cron).
 */
export function firedEarlierToday(
  matches: (instant: Date) => boolean,
  now: Date,
  timeZone: string,
  seconds: readonly number[] = [0],
): boolean {
  const today = localDay(now, timeZone);
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  // At most one day of minutes back (1,441 steps); time zones change offsets in whole
  // minutes, so stepping by minutes never skips a local midnight.
  for (let start = minute; start > minute - 1441 * 60_000; start -= 60_000) {
    if (localDay(new Date(start), timeZone) !== today) return false;
    for (const second of seconds) {
      const instant = new Date(start + second * 1000);
      if (instant.getTime() <= now.getTime() && matches(instant)) return true;
    }
  }
  return false;
}
