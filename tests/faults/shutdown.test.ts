/**
 * Graceful shutdown: on SIGTERM the bot stops taking requests, lets the answers and the
 * tip post already under way finish, closes the store, and exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRequestSender } from '../../src/sandbox/signed-requests.js';
import { type RecordedCall, SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { headerOf, titleOf } from '../support/cards.js';
import { ChildBot } from '../support/child-bot.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/harness.js';

let dir: string;
let standIn: SlackStandIn;
const bots: ChildBot[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-shutdown-'));
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  for (const bot of bots) if (bot.running) bot.child.kill('SIGKILL');
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

function arriving(
  method: string,
  match: (call: RecordedCall) => boolean = () => true,
): Promise<RecordedCall> {
  return new Promise((resolve) => {
    const listener = (call: RecordedCall) => {
      if (call.method === method && match(call)) {
        standIn.off('request', listener);
        resolve(call);
      }
    };
    standIn.on('request', listener);
  });
}

/** True once the bot no longer accepts connections. */
async function refusing(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`);
    return false;
  } catch {
    return true;
  }
}

describe('SIGTERM', () => {
  it('stops taking requests, finishes the answer in flight, and exits 0', async () => {
    // The answer needs the user's locale, and users.info is slow: the answer is in flight.
    standIn.users.set('U0SLOWLOCALE', { name: 'slow', locale: 'de-DE' });
    standIn.fault('users.info', { hangMs: 2500 });
    const bot = await ChildBot.start({
      SLACK_API_URL: standIn.apiUrl,
      DATABASE_URL: `sqlite:${join(dir, 'a.db')}`,
    });
    bots.push(bot);
    const slack = new SlackRequestSender(`${bot.url}/slack/events`, SIGNING_SECRET);
    const responseUrl = standIn.responseUrl();
    const lookup = arriving('users.info');
    const sent = await slack.slashCommand({
      text: 'ROI',
      userId: 'U0SLOWLOCALE',
      channelId: 'C0GENERAL',
      responseUrl,
    });
    expect(sent.status).toBe(200);
    await lookup;

    bot.child.kill('SIGTERM');
    // New requests are refused while the answer already promised is still being made...
    await expect.poll(() => refusing(bot.url)).toBe(true);
    expect(bot.running).toBe(true);
    expect(standIn.responsesTo(responseUrl)).toHaveLength(0);
    // ...which is then delivered, before a clean exit.
    expect((await bot.exited).code).toBe(0);
    const [answer] = standIn.responsesTo(responseUrl);
    expect(headerOf(answer?.body ?? {})).toBe(titleOf('roi', 'de'));
  });

  it('lets a tip post under way finish and be recorded before exiting 0', async () => {
    standIn.channels.set('C0SHUTDOWN', { name: 'shutdown', isMember: true });
    standIn.fault('chat.postMessage', { hangMs: 1500 });
    const posting = arriving('chat.postMessage', (call) => call.args.channel === 'C0SHUTDOWN');
    const database = join(dir, 'b.db');
    const bot = await ChildBot.start({
      SLACK_API_URL: standIn.apiUrl,
      DATABASE_URL: `sqlite:${database}`,
      TIP_CHANNELS: 'C0SHUTDOWN',
      TIP_CRON: '*/2 * * * * *',
    });
    bots.push(bot);
    await posting;
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);

    const posted = standIn
      .callsOf('chat.postMessage')
      .filter((c) => c.args.channel === 'C0SHUTDOWN' && c.outcome === 'ok');
    expect(posted).toHaveLength(1);
    const store = SqliteStore.open(database);
    const history = await store.tipHistory('C0SHUTDOWN');
    await store.close();
    expect(history).toHaveLength(1);
    expect(history[0]?.messageTs).toBe(posted[0]?.result?.ts);
  });
});
