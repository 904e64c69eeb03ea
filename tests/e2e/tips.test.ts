/**
 * The tip of the day through the wire, with a schedule every two seconds: channels
 * subscribed with /socialvs get exactly one tip a day in their language, across
 * restarts, a 429 and a channel the bot was removed from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { localDay } from '../../src/tips/day.js';
import { headerOf, kb } from '../support/cards.js';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

const EVERY_TWO_SECONDS = '*/2 * * * * *';
let dir: string;
let standIn: SlackStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-tips-'));
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(database: string, env: Record<string, string> = {}): Promise<Harness> {
  return startHarness(
    // QUIZ_DAY off: these tests read tip cards, whatever weekday the suite runs on (quiz.test.ts has the quiz day).
    { DATABASE_URL: `sqlite:${join(dir, database)}`, TIP_CRON: EVERY_TWO_SECONDS, QUIZ_DAY: 'off', ...env },
    standIn,
  );
}

async function command(h: Harness, text: string, channelId: string, userId = 'UADMIN') {
  return (await slashReply(h.slack, standIn, { text, userId, channelId })).body;
}

/** Tip cards Slack accepted in a channel (not the subscription announcement, not refused attempts). */
function tipsIn(channelId: string) {
  return standIn
    .callsOf('chat.postMessage')
    .filter(
      (call) => call.args.channel === channelId && call.outcome === 'ok' && headerOf(call.args) !== undefined,
    );
}

/** Waits until the job has run at least once more after this point and found nothing to do for `channels`. */
async function settledRun(h: Harness, channels: number) {
  const before = h.logs.length;
  const pattern = new RegExp(`tips for \\d{4}-\\d{2}-\\d{2}: 0 posted, ${channels} already done`);
  for (;;) {
    await h.waitForLog(pattern, 15_000);
    if (h.logs.slice(before).some((line) => pattern.test(line))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('daily tips', () => {
  it('subscribed channels get exactly one tip in their language, across two restarts', async () => {
    standIn.channels.set('C0TIPSDE', { name: 'marketing-de', isMember: true });
    standIn.channels.set('C0TIPSFR', { name: 'marketing-fr', isMember: true });
    let h = await start('restarts.db', { TIP_CRON: '0 0 1 1 *' }); // no run today while subscribing
    const de = await command(h, 'subscribe de', 'C0TIPSDE');
    // The asker reads the reply in their language (English here), the channel its announcement in German.
    expect(JSON.stringify(de)).toContain('in German');
    const announcement = standIn.callsOf('chat.postMessage').find((call) => call.args.channel === 'C0TIPSDE');
    expect(JSON.stringify(announcement?.args)).toContain('auf Deutsch');
    await command(h, 'subscribe fr', 'C0TIPSFR');
    expect((await h.bot.store.listSubscriptions()).map((s) => [s.channelId, s.language])).toEqual([
      ['C0TIPSDE', 'de'],
      ['C0TIPSFR', 'fr'],
    ]);
    await h.close();

    // Restart with a schedule that fires all day: one tip each, in its language.
    h = await start('restarts.db');
    await standIn.waitFor(() => tipsIn('C0TIPSDE').length > 0 && tipsIn('C0TIPSFR').length > 0);
    await settledRun(h, 2);
    await h.close();
    // Restart again the same day: nothing more.
    h = await start('restarts.db');
    await settledRun(h, 2);
    await h.close();

    expect(tipsIn('C0TIPSDE')).toHaveLength(1);
    expect(tipsIn('C0TIPSFR')).toHaveLength(1);
    expect(headerOf(tipsIn('C0TIPSDE')[0]?.args ?? {})).toBe(translate(kb.ui, 'de', 'tip.header'));
    expect(headerOf(tipsIn('C0TIPSFR')[0]?.args ?? {})).toBe(translate(kb.ui, 'fr', 'tip.header'));
  });

  it('a channel whose first post gets a 429 still gets exactly one tip', async () => {
    standIn.channels.set('C0BUSY', { name: 'busy', isMember: true });
    const h = await start('ratelimit.db', { TIP_CHANNELS: 'C0BUSY:id', TIP_CRON: '0 0 1 1 *' });
    await h.close();
    standIn.fault('chat.postMessage', { status: 429, retryAfter: 1 });
    const again = await start('ratelimit.db', { TIP_CHANNELS: 'C0BUSY:id' });
    await standIn.waitFor(() => tipsIn('C0BUSY').length > 0, 15_000);
    await settledRun(again, 1);
    await again.close();
    expect(tipsIn('C0BUSY')).toHaveLength(1);
    expect(standIn.callsOf('chat.postMessage').filter((call) => call.args.channel === 'C0BUSY')).toHaveLength(
      2,
    );
  });

  it('a channel the bot is not in is paused, the other still gets its tip, and status says so', async () => {
    standIn.channels.set('C0LEFT', { name: 'left', isMember: false });
    standIn.channels.set('C0STAY', { name: 'stay', isMember: true });
    const h = await start('paused.db', { TIP_CHANNELS: 'C0LEFT,C0STAY' });
    await standIn.waitFor(() => tipsIn('C0STAY').length > 0, 15_000);
    await h.waitForLog(/C0LEFT\): not_in_channel; daily tips paused/);
    expect((await h.bot.store.getSubscription('C0LEFT'))?.pausedReason).toBe('not_in_channel');
    const status = (await command(h, 'status', 'C0LEFT')) as { text?: string };
    // Only that it is paused, why, and how to resume: not that it "gets a daily tip".
    expect(status.text).toBe(
      translate(kb.ui, 'en', 'status.paused', { reason: translate(kb.ui, 'en', 'reason.not_in_channel') }),
    );
    await h.close();
    expect(tipsIn('C0LEFT')).toHaveLength(0);
  });
});

describe('subscription commands', () => {
  it('subscribe in a channel the bot is not in tells the user to invite it, and subscribes nothing', async () => {
    standIn.channels.set('C0PRIVATE', { name: 'private', isMember: false });
    const h = await start('commands.db', { TIP_CRON: '0 0 1 1 *' });
    const body = await command(h, 'subscribe', 'C0PRIVATE');
    expect(JSON.stringify(body)).toContain(translate(kb.ui, 'en', 'error.not_in_channel'));
    expect(await h.bot.store.getSubscription('C0PRIVATE')).toBeUndefined();
    await h.close();
  });

  it('status shows language, the next tip as a Slack date, and the last tip; unsubscribe ends it', async () => {
    standIn.channels.set('C0STATUS', { name: 'status', isMember: true });
    const h = await start('status.db', { TIP_CRON: '0 9 * * *', TIP_TIMEZONE: 'Asia/Jakarta' });
    await command(h, 'subscribe id', 'C0STATUS');
    await h.bot.scheduler.runNow('manual');
    const status = JSON.stringify(await command(h, 'status', 'C0STATUS'));
    // An English status names the tips' language in English.
    expect(status).toContain('in Indonesian');
    expect(status).toMatch(/<!date\^\d+\^\{date_short_pretty\} \{time\}\|/);
    const [record] = await h.bot.store.tipHistory('C0STATUS');
    const tip = kb.tips.find((candidate) => candidate.key === record?.tipKey);
    expect(status).toContain(tip?.text.id.slice(0, 40).replace(/"/g, '\\"'));
    expect(record?.day).toBe(localDay(new Date(), 'Asia/Jakarta'));

    // A German reader: the tips' language named in German, the dates' fallbacks in German, at 9:00 Jakarta time.
    await command(h, 'lang de', 'C0STATUS', 'UGERMAN');
    const german = JSON.stringify(await command(h, 'status', 'C0STATUS', 'UGERMAN'));
    expect(german).toContain('auf Indonesisch');
    const fallbacks = [...german.matchAll(/<!date\^\d+\^[^|]*\|([^>]*)>/g)].map((match) => match[1]);
    // The next tip and the last tip's day, in the card's text and in its block.
    expect(fallbacks).toHaveLength(4);
    expect(fallbacks[0]).toMatch(/^\S.* 9:00$/);
    for (const fallback of fallbacks) expect(fallback).not.toMatch(/AM|PM|UTC|today|tomorrow|yesterday/i);

    expect(JSON.stringify(await command(h, 'unsubscribe', 'C0STATUS'))).toContain(
      translate(kb.ui, 'en', 'unsubscribe.done'),
    );
    expect(JSON.stringify(await command(h, 'status', 'C0STATUS'))).toContain(
      translate(kb.ui, 'en', 'status.none'),
    );
    await h.close();
  });

  it('a TIP_CHANNELS channel cannot be unsubscribed by command', async () => {
    const h = await start('fixed.db', { TIP_CHANNELS: 'C0FIXED:de', TIP_CRON: '0 0 1 1 *' });
    const body = await command(h, 'unsubscribe', 'C0FIXED');
    expect(JSON.stringify(body)).toContain(translate(kb.ui, 'en', 'unsubscribe.fixed'));
    // Status says who set the channel's tips, in words a user knows.
    const status = JSON.stringify(await command(h, 'status', 'C0FIXED'));
    expect(status).toContain(translate(kb.ui, 'en', 'status.by_admin'));
    expect(status).not.toContain('TIP_CHANNELS');
    expect((await h.bot.store.getSubscription('C0FIXED'))?.language).toBe('de');
    await h.close();
  });
});
