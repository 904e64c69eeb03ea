/**
 * The log at its most talkative (LOG_LEVEL=debug) with QUESTION_LOG=off, over the whole
 * flow a workspace sees: a slash command, a mention, a DM, buttons that carry the question
 * back, a vote, a share, a redelivered event and a malformed request. What people asked
 * never reaches the log, and neither do tokens, the signing secret, response_urls or
 * trigger ids, though Slack's own clients would log them all at debug.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from '../../src/sandbox/slack-stand-in.js';
import { buttonsOf, titleOf } from '../support/cards.js';
import { BOT_TOKEN, type Harness, SIGNING_SECRET, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

/** Questions with a word no log line would hold by chance. */
const ASKED = {
  command: 'Zanzibarquux: what is the ROI difference between social media and networking?',
  mention: 'Quokkaflux: how do they differ in two-way communication?',
  dm: 'Xylophonia: who is the target audience of social media?',
  offTopic: 'Blorptastic pizza order for the team',
};
const SECRET_WORDS = ['Zanzibarquux', 'Quokkaflux', 'Xylophonia', 'Blorptastic'];

let h: Harness;
const responseUrls: string[] = [];
let clock = 1_750_000_000;
const nextTs = () => `${++clock}.000100`;

beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: 'debug', QUESTION_LOG: 'off' });
  h.standIn.users.set('UASKER', { name: 'ana', locale: 'en-US' });
});
afterAll(async () => {
  await h.close();
});

async function pressOnCard(card: Record<string, unknown>, actionId: string, ephemeral = true) {
  const button = buttonsOf(card).find((b) => b.action_id === actionId);
  expect(button, actionId).toBeDefined();
  const responseUrl = h.standIn.responseUrl();
  responseUrls.push(responseUrl);
  await h.slack.blockAction({
    actionId,
    ...(button?.value === undefined ? {} : { value: button.value }),
    userId: 'UASKER',
    userName: 'ana',
    channelId: 'C0GENERAL',
    responseUrl,
    container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: ephemeral },
  });
  return h.standIn.waitFor(() => h.standIn.responsesTo(responseUrl)[0]);
}

describe('LOG_LEVEL=debug with QUESTION_LOG=off', () => {
  it('logs no question, token, secret, response_url or trigger id over the whole flow', async () => {
    const reply = await slashReply(h.slack, h.standIn, {
      text: ASKED.command,
      userId: 'UASKER',
      channelId: 'C0GENERAL',
    });
    responseUrls.push(reply.responseUrl);
    expect(reply.body.blocks).toBeDefined();
    await slashReply(h.slack, h.standIn, { text: ASKED.offTopic, userId: 'UASKER', channelId: 'C0GENERAL' });

    // Buttons carry the question back in their value; a vote and a share rebuild the card.
    await pressOnCard(reply.body, 'topic_next');
    await pressOnCard(reply.body, 'feedback_up');
    await pressOnCard(reply.body, 'topic_share');

    const mentionTs = nextTs();
    const mention = {
      type: 'app_mention',
      user: 'UASKER',
      text: `<@${BOT_USER_ID}> ${ASKED.mention}`,
      ts: mentionTs,
      event_ts: mentionTs,
      channel: 'C0MARKETING',
    };
    await h.slack.event(mention, { eventId: 'Ev0PRIVACY1' });
    await h.slack.event(mention, { eventId: 'Ev0PRIVACY1', retryNum: 1 });
    const dmTs = nextTs();
    await h.slack.event({
      type: 'message',
      channel_type: 'im',
      user: 'UASKER',
      text: ASKED.dm,
      ts: dmTs,
      event_ts: dmTs,
      channel: 'D0ASKER',
    });
    const answered = (ts: string) =>
      h.standIn.callsOf('chat.postMessage').find((call) => call.args.thread_ts === ts || call.args.ts === ts);
    await h.standIn.waitFor(() => answered(mentionTs));
    await h.standIn.waitFor(() =>
      h.standIn
        .callsOf('chat.postMessage')
        .find(
          (call) =>
            call.args.channel === 'D0ASKER' &&
            String(call.args.text).includes(titleOf('target-audience', 'en')),
        ),
    );

    // A malformed request logs its problem, not its content.
    await h.slack.send(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          user: { id: 'UASKER' },
          actions: [],
          response_url: h.standIn.responseUrl(),
          trigger_id: '1700000000.triggerSecretish',
          message: { text: ASKED.offTopic },
        }),
      }).toString(),
      'application/x-www-form-urlencoded',
    );

    // Our own debug lines were written: the level really was debug.
    await h.waitForLog(/DEBUG .*already handled/);
    const log = h.logs.join('\n');
    for (const word of SECRET_WORDS) expect(log, word).not.toContain(word);
    expect(log).not.toContain(BOT_TOKEN);
    expect(log).not.toContain(SIGNING_SECRET);
    expect(log).not.toMatch(/xoxb-[A-Za-z0-9]/);
    expect(log).not.toContain('triggerSecretish');
    for (const url of responseUrls) expect(log).not.toContain(url);
    expect(log).not.toContain('/response/');
  });
});
