import { describe, expect, it } from 'vitest';
import { type DateReader, formatSlackDate, slackDate } from '../../src/cards/slack-date.js';
import { LANGUAGES, type Language } from '../../src/knowledge/languages.js';

// Monday 7 December 2026, 15:00 in Berlin; the next tip is Tuesday 9:00 there.
const NOW = new Date('2026-12-07T14:00:00Z');
const TOMORROW_NINE = new Date('2026-12-08T08:00:00Z');
const BERLIN = 'Europe/Berlin';
const reader = (language: Language, timeZone = BERLIN, now = NOW): DateReader => ({
  language,
  timeZone,
  now,
});

/** The fallback text of a `<!date^…|fallback>` token. */
const fallbackOf = (token: string) => /^<!date\^\d+\^[^|]*\|([^>]*)>$/.exec(token)?.[1];

// Words only English uses ("Jan" is Indonesian too, so short months are left out).
const ENGLISH_WORDS =
  /\b(ago|hours?|days?|today|tomorrow|yesterday|AM|PM|UTC|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;

describe('slackDate', () => {
  it('carries the seconds, the format, and a fallback in the reader’s language', () => {
    const token = slackDate(TOMORROW_NINE, reader('de'));
    expect(token).toBe(`<!date^${TOMORROW_NINE.getTime() / 1000}^{date_short_pretty} {time}|morgen 9:00>`);
    expect(fallbackOf(slackDate(TOMORROW_NINE, reader('fr')))).toBe('demain 9:00');
    expect(fallbackOf(slackDate(TOMORROW_NINE, reader('id')))).toBe('besok 9.00');
    expect(fallbackOf(slackDate(TOMORROW_NINE, reader('en')))).toMatch(/^tomorrow 9:00\sAM$/);
  });

  it('writes the time in the workspace’s zone, not in UTC or the server’s', () => {
    // The same instant is 15:00 in Jakarta, the day after NOW's Berlin evening there too.
    const fallback = fallbackOf(slackDate(TOMORROW_NINE, reader('id', 'Asia/Jakarta')));
    expect(fallback).toBe('besok 15.00');
  });

  it('names today and yesterday, and other days by date in the reader’s words', () => {
    const lastTip = new Date('2026-12-04T08:00:00Z'); // Friday
    expect(formatSlackDate(NOW, '{date_short_pretty}', reader('de'))).toBe('heute');
    expect(formatSlackDate(new Date('2026-12-06T08:00:00Z'), '{date_short_pretty}', reader('fr'))).toBe(
      'hier',
    );
    expect(formatSlackDate(lastTip, '{date_short_pretty}', reader('de'))).toBe('4. Dez. 2026');
    expect(formatSlackDate(lastTip, '{date_short_pretty}', reader('fr'))).toBe('4 déc. 2026');
    expect(formatSlackDate(lastTip, '{date_short_pretty}', reader('id'))).toBe('4 Des 2026');
    expect(formatSlackDate(lastTip, '{date_long}', reader('de'))).toBe('Freitag, 4. Dezember 2026');
    expect(formatSlackDate(lastTip, '{date_long}', reader('id'))).toBe('Jumat, 4 Desember 2026');
    expect(formatSlackDate(lastTip, '{date_num} {time_secs}', reader('de'))).toBe('2026-12-04 9:00:00');
  });

  it('leaves no English word in a German, French or Indonesian fallback, whatever the format', () => {
    const formats = [
      '{date_short_pretty} {time}',
      '{date_pretty}',
      '{date_long_pretty}',
      '{date}',
      '{date_short}',
      '{date_long}',
      '{date_long_full}',
      '{day_divider_pretty}',
      '{time_secs}',
      '{ago}',
    ];
    const instants = [-1, 0, 1, 2, 40].map(
      (days) => new Date(TOMORROW_NINE.getTime() + (days - 1) * 86_400_000),
    );
    for (const language of LANGUAGES.filter((candidate) => candidate !== 'en')) {
      for (const format of formats) {
        for (const instant of instants) {
          const fallback = fallbackOf(slackDate(instant, reader(language), format)) ?? '';
          expect(fallback, `${language} ${format}`).not.toMatch(ENGLISH_WORDS);
          expect(fallback).not.toMatch(/[{}|<>]/);
        }
      }
    }
  });

  it('says how long ago, in the reader’s words', () => {
    const threeHoursBefore = new Date(NOW.getTime() - 3 * 3_600_000);
    expect(formatSlackDate(threeHoursBefore, '{ago}', reader('de'))).toBe('vor 3 Stunden');
    expect(formatSlackDate(threeHoursBefore, '{ago}', reader('fr'))).toBe('il y a 3 heures');
    expect(formatSlackDate(threeHoursBefore, '{ago}', reader('id'))).toBe('3 jam yang lalu');
  });

  it('keeps the format’s own text and any token it does not know', () => {
    expect(formatSlackDate(NOW, 'am {date_num}, {unknown} {toString}', reader('de'))).toBe(
      'am 2026-12-07, {unknown} {toString}',
    );
  });
});
