/**
 * Failure is never silence: when the bot accepted Slack's request but cannot answer it (the
 * store refusing, here because its database is closed under it), the asker gets one plain
 * line saying it did not work and to try again, in the default language when theirs can't
 * be read, and the failure is logged once, without a stack trace. Never an apology and an
 * answer for the same question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import { BOT_USER_ID } from '../../src/sandbox/slack-stand-in.js';
import { kb } from '../support/cards.js';
import { type Harness, startHarness } from '../support/harness.js';

let h: Harness;
let clock = 1_760_000_000;
const nextTs = () => `${++clock}.000100`;
const APOLOGY = translate(kb.ui, 'de', 'error.generic');

beforeAll(async () => {
  // German by default, so the apology's language shows it came from the configuration.
  h = await startHarness({ DEFAULT_LANGUAGE: 'de' });
  // The store refuses from now on: its database is closed under the running bot.
  await h.bot.store.close();
});
afterAll(async () => {
  await h.close().catch(() => undefined);
});

/** Everything the bot posted in a thread (or a DM) for a message with this ts. */
const postsFor = (ts: string) =>
  h.standIn.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts || call.args.ts === ts);

describe('when the answer cannot be made', () => {
  it('a mention gets one plain line in its thread, logged once', async () => {
    const ts = nextTs();
    const before = h.logs.length;
    await h.slack.event({
      type: 'app_mention',
      user: 'U0ASKER',
      // A bare "ROI" has no language of its own: answering needs the asker's saved one.
      text: `<@${BOT_USER_ID}> ROI`,
      ts,
      event_ts: ts,
      channel: 'C0MARKETING',
    });
    const [post] = await h.standIn.waitFor(() => postsFor(ts).length > 0 && postsFor(ts));
    expect(post?.args.text).toBe(APOLOGY);
    expect(postsFor(ts)).toHaveLength(1);
    const failures = h.logs.slice(before).filter((line) => /ERROR .*answering a mention failed/.test(line));
    expect(failures).toHaveLength(1);
    expect(h.logs.slice(before).join('\n')).not.toMatch(/^\s+at /m);
  });

  it('a DM gets one plain line', async () => {
    const ts = nextTs();
    await h.slack.event({
      type: 'message',
      channel_type: 'im',
      user: 'U0ASKER',
      text: 'ROI',
      ts,
      event_ts: ts,
      channel: 'D0ASKER',
    });
    const post = await h.standIn.waitFor(() =>
      h.standIn.callsOf('chat.postMessage').find((call) => call.args.channel === 'D0ASKER'),
    );
    expect(post.args.text).toBe(APOLOGY);
  });

  it('a vote the store refuses gets one plain line, only for the voter', async () => {
    const responseUrl = h.standIn.responseUrl();
    await h.slack.blockAction({
      actionId: 'feedback_up',
      value: JSON.stringify({ t: 'roi', l: 'en', a: 'answer1' }),
      userId: 'U0VOTER',
      channelId: 'C0GENERAL',
      responseUrl,
      container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: true },
    });
    const [reply] = await h.standIn.waitFor(
      () => h.standIn.responsesTo(responseUrl).length > 0 && h.standIn.responsesTo(responseUrl),
    );
    expect(reply?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: translate(kb.ui, 'en', 'error.generic'),
    });
  });
});
