/**
 * Slack's date token: every reader sees the instant in their own time zone and language.
 * Clients that can't render it show the fallback, which is written here in the reader's
 * language and the workspace's time zone ("morgen 9:00", "demain 9:00", "besok 9.00").
 * https://docs.slack.dev/messaging/formatting-message-text/#date-formatting
 */
import type { Language } from '../knowledge/languages.js';
import { localDay } from '../tips/day.js';

/** Whose words and clock a date is written in, and the day "today" means. */
export interface DateReader {
  language: Language;
  /** IANA zone the date is written in (the tips' zone, TIP_TIMEZONE). */
  timeZone: string;
  /** The moment "today", "tomorrow" and "yesterday" are counted from. */
  now: Date;
}

export const NEXT_TIP_FORMAT = '{date_short_pretty} {time}';
export const DAY_FORMAT = '{date_short_pretty}';

type DateOptions = Intl.DateTimeFormatOptions;
const SHORT_DATE: DateOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE: DateOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const LONG_DATE: DateOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const TIME: DateOptions = { hour: 'numeric', minute: '2-digit' };
const TIME_SECONDS: DateOptions = { hour: 'numeric', minute: '2-digit', second: '2-digit' };

/** Each of Slack's format tokens, written with Intl in the reader's language and zone. */
const TOKENS: Record<string, (instant: Date, reader: DateReader) => string> = {
  date_num: (instant, reader) => localDay(instant, reader.timeZone),
  date_slash: (instant, reader) =>
    dateText(instant, reader, { day: '2-digit', month: '2-digit', year: 'numeric' }),
  date: (instant, reader) => dateText(instant, reader, DATE),
  date_short: (instant, reader) => dateText(instant, reader, SHORT_DATE),
  date_long: (instant, reader) => dateText(instant, reader, LONG_DATE),
  date_long_full: (instant, reader) => dateText(instant, reader, DATE),
  date_pretty: (instant, reader) => relativeDay(instant, reader) ?? dateText(instant, reader, DATE),
  date_short_pretty: (instant, reader) =>
    relativeDay(instant, reader) ?? dateText(instant, reader, SHORT_DATE),
  date_long_pretty: (instant, reader) => relativeDay(instant, reader) ?? dateText(instant, reader, LONG_DATE),
  day_divider_pretty: (instant, reader) =>
    relativeDay(instant, reader) ?? dateText(instant, reader, LONG_DATE),
  time: (instant, reader) => dateText(instant, reader, TIME),
  time_secs: (instant, reader) => dateText(instant, reader, TIME_SECONDS),
  ago: (instant, reader) => ago(instant, reader),
};

/** The largest unit that fits, in seconds: "vor 3 Minuten", "il y a 2 heures", "2 hari yang lalu". */
const AGO_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

function ago(instant: Date, reader: DateReader): string {
  const seconds = Math.round((instant.getTime() - reader.now.getTime()) / 1000);
  const [unit, size] = AGO_UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(reader.language, { numeric: 'auto' }).format(
    Math.round(seconds / size),
    unit,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateText(instant: Date, reader: DateReader, options: DateOptions): string {
  const key = `${reader.language} ${reader.timeZone} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(reader.language, { ...options, timeZone: reader.timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

/** "today", "morgen", "hier", "besok" when `instant` falls on a day next to now; else undefined. */
function relativeDay(instant: Date, reader: DateReader): string | undefined {
  const days =
    (Date.parse(localDay(instant, reader.timeZone)) - Date.parse(localDay(reader.now, reader.timeZone))) /
    86_400_000;
  if (Math.abs(days) > 1) return undefined;
  return new Intl.RelativeTimeFormat(reader.language, { numeric: 'auto' }).format(days, 'day');
}

/**
 * `format` with each of Slack's {tokens} written out for `reader`, the rest kept as is:
 * what a Slack client shows for `<!date^…^format|…>`, in the reader's language.
 */
export function formatSlackDate(instant: Date, format: string, reader: DateReader): string {
  return format.replace(/\{(\w+)\}/g, (whole, token: string) =>
    Object.hasOwn(TOKENS, token) ? (TOKENS[token]?.(instant, reader) ?? whole) : whole,
  );
}

/** `<!date^seconds^format|fallback>`, its fallback written for `reader`. */
export function slackDate(instant: Date, reader: DateReader, format = NEXT_TIP_FORMAT): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  return `<!date^${seconds}^${format}|${formatSlackDate(instant, format, reader)}>`;
}
