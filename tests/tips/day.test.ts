import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { firedEarlierToday, localDay, localWeekday, WEEKDAYS, weekdayName } from '../../src/tips/day.js';

describe('the day in TIP_TIMEZONE', () => {
  it('is the local calendar day, not the UTC one', () => {
    const instant = new Date('2026-11-23T20:30:00Z'); // Monday evening in UTC
    expect(localDay(instant, 'UTC')).toBe('2026-11-23');
    expect(localDay(instant, 'Asia/Jakarta')).toBe('2026-11-24'); // already Tuesday 03:30
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-11-23');
  });
});

describe('the weekday in TIP_TIMEZONE (QUIZ_DAY)', () => {
  it('is the local weekday, not the UTC one', () => {
    const instant = new Date('2026-11-26T20:30:00Z'); // Thursday evening in UTC
    expect(localWeekday(instant, 'UTC')).toBe('thursday');
    expect(localWeekday(instant, 'Asia/Jakarta')).toBe('friday'); // already Friday 03:30
    expect(localWeekday(instant, 'America/Los_Angeles')).toBe('thursday');
  });

  it('names each weekday in each language', () => {
    expect(WEEKDAYS.map((day) => weekdayName(day, 'en'))).toEqual([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
    expect(weekdayName('friday', 'de')).toBe('Freitag');
    expect(weekdayName('friday', 'fr')).toBe('vendredi');
    expect(weekdayName('friday', 'id')).toBe('Jumat');
  });
});

describe('catch-up: did the schedule fire earlier today?', () => {
  const weekdays9 = (timezone: string) => {
    const task = createTask('0 9 * * 1-5', () => undefined, { timezone });
    return (instant: Date) => task.match(instant);
  };

  it('after 09:00 on a weekday: yes, so a tip missed while down is still owed', () => {
    expect(
      firedEarlierToday(weekdays9('Europe/Berlin'), new Date('2026-11-23T10:30:00Z'), 'Europe/Berlin'),
    ).toBe(true);
  });

  it('before 09:00 local time: not yet', () => {
    // 07:30 UTC is 08:30 in Berlin on 23 Nov (UTC+1)
    expect(
      firedEarlierToday(weekdays9('Europe/Berlin'), new Date('2026-11-23T07:30:00Z'), 'Europe/Berlin'),
    ).toBe(false);
  });

  it('on a Saturday: no', () => {
    expect(firedEarlierToday(weekdays9('UTC'), new Date('2026-11-28T15:00:00Z'), 'UTC')).toBe(false);
  });

  it("counts yesterday's run as yesterday's, across the time-zone day boundary", () => {
    // 09:00 Jakarta on Monday 23 Nov is 02:00 UTC. At 18:00 UTC on the 23rd it is already
    // 01:00 on Tuesday in Jakarta, before Tuesday's 09:00: nothing is owed for "today".
    expect(
      firedEarlierToday(weekdays9('Asia/Jakarta'), new Date('2026-11-23T18:00:00Z'), 'Asia/Jakarta'),
    ).toBe(false);
    expect(
      firedEarlierToday(weekdays9('Asia/Jakarta'), new Date('2026-11-24T02:30:00Z'), 'Asia/Jakarta'),
    ).toBe(true);
  });
});
