/**
 * Slack failing in each way the stand-in can fail (HTTP 500, a hang past the client's
 * timeout, a malformed body, ok:false with each error the bot handles, 429 with
 * Retry-After): the bot keeps serving, tells the user in plain words where the user can
 * act, and a tip Slack certainly did not post is posted once by a later run that day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import { BOT_USER_ID, type Fault, SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { headerOf, kb, titleOf } from '../support/cards.js';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

/** How the tip job must end up after a first run that met the fault, and a second run. */
type TipOutcome = 'posted once later' | 'posted once at once' | 'paused' | 'at most once (in doubt)';

const FAULTS: Array<{ name: string; fault: Fault; tip: TipOutcome; tells?: string }> = [
  { name: 'HTTP 500', fault: { status: 500 }, tip: 'posted once later' },
  { name: 'a hang past the client timeout', fault: { hangMs: 1500 }, tip: 'at most once (in doubt)' },
  { name: 'a malformed body', fault: { malformed: true }, tip: 'at most once (in doubt)' },
  {
    name: 'ok:false not_in_channel',
    fault: { error: 'not_in_channel' },
    tip: 'paused',
    tells: 'error.not_in_channel',
  },
  {
    name: 'ok:false channel_not_found',
    fault: { error: 'channel_not_found' },
    tip: 'paused',
    tells: 'error.channel_not_found',
  },
  {
    name: 'ok:false is_archived',
    fault: { error: 'is_archived' },
    tip: 'paused',
    tells: 'error.channel_not_found',
  },
  { name: 'ok:false invalid_auth', fault: { error: 'invalid_auth' }, tip: 'posted once later' },
  { name: 'ok:false ratelimited', fault: { error: 'ratelimited' }, tip: 'posted once later' },
  {
    name: '429 with Retry-After',
    fault: { status: 429, retryAfter: 1 },
    tip: 'posted once at once',
    tells: 'error.rate_limited',
  },
];

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  await standIn.close();
});

const okPosts = (channel: string) =>
  standIn
    .callsOf('chat.postMessage')
    .filter((call) => call.args.channel === channel && call.outcome === 'ok');

describe.each(FAULTS)('chat.postMessage fails with $name', ({ name, fault, tip, tells }) => {
  const id = name
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 12);
  const channel = `C0F${id}`;
  let h: Harness;
  beforeAll(async () => {
    standIn.channels.set(channel, { name: id.toLowerCase(), isMember: true });
    h = await startHarness(
      // QUIZ_DAY off: these runs look for the tip card, whatever weekday the suite runs on.
      { TIP_CHANNELS: channel, TIP_CRON: '0 0 1 1 *', SLACK_TIMEOUT_MS: '500', QUIZ_DAY: 'off' },
      standIn,
    );
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps serving: the next mention and /socialvs are answered, and the failure is logged with method and channel', async () => {
    standIn.fault('chat.postMessage', fault);
    const first = `${Date.now() / 1000}`;
    await h.slack.event({
      type: 'app_mention',
      user: 'U0F',
      channel,
      text: `<@${BOT_USER_ID}> ROI`,
      ts: first,
      event_ts: first,
    });
    // The fault meets the first mention's post: the second mention is sent once that post
    // has reached Slack, so the two answers can't race for the failing call.
    await standIn.waitFor(
      () => standIn.callsOf('chat.postMessage').find((call) => call.args.thread_ts === first),
      15_000,
    );
    const second = `${Date.now() / 1000 + 1}`;
    await h.slack.event({
      type: 'app_mention',
      user: 'U0F',
      channel,
      text: `<@${BOT_USER_ID}> similarities`,
      ts: second,
      event_ts: second,
    });
    const answered = await standIn.waitFor(
      () => okPosts(channel).find((call) => call.args.thread_ts === second),
      15_000,
    );
    expect(headerOf(answered.args)).toBe(titleOf('similarities', 'en'));
    const reply = await slashReply(h.slack, standIn, {
      text: 'two-way communication',
      userId: 'U0F',
      channelId: channel,
    });
    expect(headerOf(reply.body)).toBe(titleOf('communication-style', 'en'));
    // The first mention ends either answered (after the client's retries) or with its
    // failure in the log, naming the method and the channel.
    const settled = () =>
      okPosts(channel).some((call) => call.args.thread_ts === first) ||
      h.logs.some((line) => line.includes('chat.postMessage failed') && line.includes(channel));
    await expect.poll(settled).toBe(true);
    expect(h.logs.join('\n')).not.toMatch(/^\s+at /m);
  });

  it(`/socialvs subscribe tells the user in plain words${tells ? '' : ' (or subscribes)'}`, async () => {
    standIn.fault('chat.postMessage', fault);
    const reply = JSON.stringify(
      (
        await slashReply(
          h.slack,
          standIn,
          { text: 'subscribe', userId: 'U0F', channelId: `${channel}X` },
          { timeoutMs: 15_000 },
        )
      ).body,
    );
    if (tells) expect(reply).toContain(translate(kb.ui, 'en', tells as never));
    else expect(reply.length).toBeGreaterThan(0);
    expect(reply).not.toMatch(/\s+at \S+ \(/);
  });

  it(`the day's tip: ${tip}`, async () => {
    standIn.fault('chat.postMessage', fault);
    await h.bot.scheduler.runNow('manual');
    await h.bot.scheduler.runNow('manual');
    const posted = okPosts(channel).filter(
      (call) => headerOf(call.args) === translate(kb.ui, 'en', 'tip.header'),
    );
    const subscription = await h.bot.store.getSubscription(channel);
    if (tip === 'paused') {
      expect(posted).toHaveLength(0);
      expect(subscription?.pausedReason).toBeTruthy();
    } else if (tip === 'at most once (in doubt)') {
      expect(posted.length).toBeLessThanOrEqual(1);
      expect(h.logs.some((line) => line.includes(channel) && line.includes('may have been posted'))).toBe(
        true,
      );
    } else {
      expect(posted).toHaveLength(1);
      expect(subscription?.pausedReason).toBeUndefined();
    }
  });
});
