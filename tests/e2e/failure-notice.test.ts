/**
 * Failure is never silence: when the bot accepted Slack's request but cannot answer it (the
 * store refusing, here because its database is closed under it), the asker gets one plain
 * line saying it did not work and to try again, in the default language when theirs can't
 * be read, and the failure is logged once, without a stack trace. Never an apology and an
 * answer for the same question. The same for a button (◀ / ▶, a language, open topic,
 * Share, a vote): the presser alone gets the line, through the button's response_url, also
 * when it is Slack that refuses the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeValue } from '../../src/cards/actions.js';
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

describe('when a topic button cannot be answered', () => {
  /** Presses a button on a card only the presser sees; resolves with every post to its response_url. */
  async function pressPrivately(actionId: string, value: string) {
    const responseUrl = h.standIn.responseUrl();
    await h.slack.blockAction({
      actionId,
      value,
      userId: 'U0PRESSER',
      userName: 'presser',
      channelId: 'C0GENERAL',
      responseUrl,
      container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: true },
    });
    await h.standIn.waitFor(() => h.standIn.responsesTo(responseUrl).length > 0);
    // Anything else the press sends would arrive by the time a marker press is answered.
    const marker = h.standIn.responseUrl();
    await h.slack.blockAction({
      actionId: 'topic_open_roi',
      value: encodeValue({ topic: 'roi', language: 'en' }),
      userId: 'U0MARKER',
      channelId: 'C0GENERAL',
      responseUrl: marker,
      container: { type: 'message', messageTs: '1700000000.000002', isEphemeral: true },
    });
    await h.standIn.waitFor(() => h.standIn.responsesTo(marker).length > 0);
    return h.standIn.responsesTo(responseUrl).map((post) => post.body);
  }

  const notice = (language: 'de' | 'fr') => ({
    response_type: 'ephemeral',
    replace_original: false,
    text: translate(kb.ui, language, 'error.generic'),
  });

  it('a card from an older version, whose answer needs the store, gets one plain line, logged once', async () => {
    const before = h.logs.length;
    const posts = await pressPrivately('topic_next', 'not a value of ours');
    expect(posts).toEqual([expect.objectContaining(notice('de'))]);
    const failures = h.logs.slice(before).filter((line) => /ERROR .*answering topic_next failed/.test(line));
    expect(failures).toHaveLength(1);
  });

  const fr = encodeValue({ topic: 'roi', language: 'fr' });
  it.each([
    ['◀', 'topic_previous', fr, 'fr'],
    ['▶', 'topic_next', fr, 'fr'],
    ['a language', 'topic_language_fr', fr, 'fr'],
    ['open topic', 'topic_open_roi', fr, 'fr'],
    // Share answers in the sharer's own language, which the closed store can't give: the default.
    ['Share', 'topic_share', fr, 'de'],
  ] as const)(
    '%s whose card Slack refuses gets the one plain line instead, logged once',
    async (_, actionId, value, language) => {
      const before = h.logs.length;
      h.standIn.fault('response_url', { status: 400 });
      const posts = await pressPrivately(actionId, value);
      // Not the card (refused), not a share in the channel: only the apology.
      expect(posts).toEqual([expect.objectContaining(notice(language))]);
      const refusals = h.logs.slice(before).filter((line) => line.includes('response_url failed'));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toContain('http_400');
    },
  );
});
