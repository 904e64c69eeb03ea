/**
 * The tip job killed (SIGKILL) at the worst moments: after claiming the day's tip but
 * before Slack posted it, and after Slack posted it but before the bot recorded its ts.
 * Restarted the same day, no channel gets a second tip.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedCall, SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { ChildBot } from '../support/child-bot.js';
import { BOT_TOKEN } from '../support/harness.js';

let dir: string;
let standIn: SlackStandIn;
const bots: ChildBot[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-crash-'));
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  for (const bot of bots) if (bot.running) bot.child.kill('SIGKILL');
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(channel: string, database: string): Promise<ChildBot> {
  const bot = await ChildBot.start({
    SLACK_API_URL: standIn.apiUrl,
    DATABASE_URL: `sqlite:${join(dir, database)}`,
    TIP_CHANNELS: channel,
    TIP_CRON: '*/2 * * * * *',
  });
  bots.push(bot);
  return bot;
}

/** Resolves with the first call of `method` to `channel` that the stand-in sees `on` (arriving, or done). */
function nextCall(on: 'request' | 'call', channel: string): Promise<RecordedCall> {
  return new Promise((resolve) => {
    const listener = (call: RecordedCall) => {
      if (call.method === 'chat.postMessage' && call.args.channel === channel) {
        standIn.off(on, listener);
        resolve(call);
      }
    };
    standIn.on(on, listener);
  });
}

const postedTips = (channel: string) =>
  standIn
    .callsOf('chat.postMessage')
    .filter((call) => call.args.channel === channel && call.outcome === 'ok');

async function restartAndSettle(channel: string, database: string): Promise<void> {
  const bot = await start(channel, database);
  // Two runs that found the day's tip already claimed, then a clean stop.
  await bot.waitForLog(
    /tips for \d{4}-\d{2}-\d{2}: 0 posted, 1 already done[\s\S]*tips for \d{4}-\d{2}-\d{2}: 0 posted, 1 already done/,
  );
  await bot.stop();
  expect((await bot.exited).code).toBe(0);
}

describe('crash safety of the tip job', () => {
  it('killed between the claim and the post: after restart, that day gets no tip at all, never two', async () => {
    standIn.channels.set('C0CRASHA', { name: 'crash-a', isMember: true });
    standIn.fault('chat.postMessage', { hangMs: 20_000 });
    const arriving = nextCall('request', 'C0CRASHA');
    const bot = await start('C0CRASHA', 'a.db');
    await arriving;
    bot.child.kill('SIGKILL');
    expect((await bot.exited).signal).toBe('SIGKILL');
    standIn.clearFaults();

    await restartAndSettle('C0CRASHA', 'a.db');
    expect(postedTips('C0CRASHA')).toHaveLength(0);
    const store = SqliteStore.open(join(dir, 'a.db'));
    const history = await store.tipHistory('C0CRASHA');
    await store.close();
    expect(history).toHaveLength(1);
    expect(history[0]?.messageTs).toBeUndefined();
  });

  it('killed between the post and recording its ts: after restart, still exactly one tip', async () => {
    standIn.channels.set('C0CRASHB', { name: 'crash-b', isMember: true });
    standIn.fault('chat.postMessage', { answerAfterMs: 20_000 });
    const posted = nextCall('call', 'C0CRASHB');
    const bot = await start('C0CRASHB', 'b.db');
    await posted;
    bot.child.kill('SIGKILL');
    await bot.exited;
    standIn.clearFaults();

    await restartAndSettle('C0CRASHB', 'b.db');
    expect(postedTips('C0CRASHB')).toHaveLength(1);
  });
});
