/**
 * Events through the wire: mentions answered in their thread, DMs, the App Home,
 * one answer per event however often Slack delivers it, and silence for bots,
 * edits and joins. A DM and a thread are conversations: greetings, thanks and subcommand
 * words get what they ask for, and a refusal in a thread stays short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHORT_SUGGESTIONS } from '../../src/cards/no-match-card.js';
import type { Language } from '../../src/knowledge/languages.js';
import { translate, type UiKey } from '../../src/knowledge/ui-strings.js';
import { BOT_ID, BOT_USER_ID } from '../../src/sandbox/slack-stand-in.js';
import { blocksOf, buttonsOf, headerOf, kb, titleOf } from '../support/cards.js';
import { type Harness, PINGS, startHarness } from '../support/harness.js';

let h: Harness;
let clock = 1_700_000_000;
const nextTs = () => `${++clock}.000100`;

beforeAll(async () => {
  h = await startHarness();
  h.standIn.users.set('UDE', { name: 'jonas', locale: 'de-DE' });
});
afterAll(async () => {
  await h.close();
});

function mention(text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: 'app_mention',
    user: 'UASKER',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    event_ts: ts,
    channel: 'C0MARKETING',
    ...extra,
  };
}

/** The chat.postMessage answering a message with this ts (thread_ts is the message's own ts or its thread). */
function answerIn(threadTs: string) {
  return () => h.standIn.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === threadTs);
}

/** Sends a marker mention and waits for its answer: everything sent before it has been handled by then. */
async function drain(): Promise<void> {
  const marker = mention('ROI');
  await h.slack.event(marker);
  await h.standIn.waitFor(() => answerIn(marker.ts)()[0]);
}

describe('@SocialVS in a channel', () => {
  it('answers in the thread of the mention, with the card and a text fallback', async () => {
    const event = mention('how do they differ in ROI?');
    const sent = await h.slack.event(event);
    expect(sent.status).toBe(200);
    const [call] = await h.standIn.waitFor(() => answerIn(event.ts)()[0] && answerIn(event.ts)());
    expect(call?.args.channel).toBe('C0MARKETING');
    expect(headerOf(call?.args ?? {})).toBe(titleOf('roi', 'en'));
    expect(String(call?.args.text).length).toBeGreaterThan(0);
    // A channel message is already shared: no share button on it.
    expect(JSON.stringify(call?.args.blocks)).not.toContain('topic_share');
  });

  it('answers a mention inside a thread in that same thread', async () => {
    const event = mention('what are the similarities?', { thread_ts: '1699999999.000200' });
    await h.slack.event(event);
    const calls = await h.standIn.waitFor(
      () => answerIn('1699999999.000200')()[0] && answerIn('1699999999.000200')(),
    );
    expect(calls).toHaveLength(1);
    expect(headerOf(calls[0]?.args ?? {})).toBe(titleOf('similarities', 'en'));
  });

  it('answers a retried event once, never twice', async () => {
    const event = mention('two-way communication');
    const first = await h.slack.event(event);
    await h.slack.event(event, { eventId: first.eventId, retryNum: 1 });
    await h.slack.event(event, { eventId: first.eventId, retryNum: 2 });
    await drain();
    expect(answerIn(event.ts)()).toHaveLength(1);
  });

  it('sends no ping when the question contains <!channel>', async () => {
    const event = mention('<!channel> <!here> what is the ROI? <@U0BOSS>');
    await h.slack.event(event);
    const [call] = await h.standIn.waitFor(() => answerIn(event.ts)()[0] && answerIn(event.ts)());
    expect(JSON.stringify(call?.args)).not.toMatch(PINGS);
  });

  it('uses the asker locale when the question has no language', async () => {
    const event = mention('ROI', { user: 'UDE' });
    await h.slack.event(event);
    const [call] = await h.standIn.waitFor(() => answerIn(event.ts)()[0] && answerIn(event.ts)());
    expect(headerOf(call?.args ?? {})).toBe(titleOf('roi', 'de'));
  });
});

describe('direct messages', () => {
  it('answers a DM like a mention', async () => {
    const ts = nextTs();
    await h.slack.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: 'UASKER',
      text: 'Was ist ein soziales Netzwerk?',
      ts,
      event_ts: ts,
    });
    const call = await h.standIn.waitFor(() =>
      h.standIn.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0DM'),
    );
    expect(headerOf(call.args)).toBe(titleOf('definition', 'de'));
  });

  it('ignores its own messages, other bots, edits and joins', async () => {
    const quiet = [
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0QUIET',
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        text: 'ROI',
      },
      {
        type: 'message',
        channel_type: 'im',
        channel: 'D0QUIET',
        user: 'UOTHERBOT',
        bot_id: 'B0OTHER',
        text: 'ROI',
      },
      {
        type: 'message',
        subtype: 'bot_message',
        channel_type: 'im',
        channel: 'D0QUIET',
        bot_id: 'B0OTHER',
        text: 'ROI',
      },
      {
        type: 'message',
        subtype: 'message_changed',
        channel_type: 'im',
        channel: 'D0QUIET',
        message: { text: 'ROI', user: 'UASKER' },
      },
      {
        type: 'message',
        subtype: 'channel_join',
        channel_type: 'channel',
        channel: 'C0QUIET',
        user: 'UASKER',
        text: 'joined',
      },
      {
        type: 'app_mention',
        channel: 'C0QUIET',
        user: 'UOTHERBOT',
        bot_id: 'B0OTHER',
        text: `<@${BOT_USER_ID}> ROI`,
      },
    ];
    for (const event of quiet) {
      const ts = nextTs();
      await h.slack.event({ ...event, ts, event_ts: ts });
    }
    await drain();
    const answered = h.standIn
      .callsOf('chat.postMessage')
      .filter((call) => ['D0QUIET', 'C0QUIET'].includes(String(call.args.channel)));
    expect(answered).toHaveLength(0);
  });
});

/** Sends a DM to the bot; resolves with the bot's answer in that DM. */
async function dmAnswer(text: string, channel: string) {
  const ts = nextTs();
  await h.slack.event({
    type: 'message',
    channel_type: 'im',
    channel,
    user: 'UASKER',
    text,
    ts,
    event_ts: ts,
  });
  return (
    await h.standIn.waitFor(() =>
      h.standIn.callsOf('chat.postMessage').find((c) => c.args.channel === channel),
    )
  ).args;
}

/** Mentions the bot in C0MARKETING; resolves with the bot's answer in the mention's thread. */
async function mentionAnswer(text: string, extra: Record<string, unknown> = {}) {
  const event = mention(text, extra);
  await h.slack.event(event);
  const [call] = await h.standIn.waitFor(() => answerIn(event.ts)()[0] && answerIn(event.ts)());
  return call?.args ?? {};
}

const sectionTexts = (body: Record<string, unknown>) =>
  blocksOf(body).flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
const ui = (language: Language, key: UiKey) => translate(kb.ui, language, key);

describe('a DM and a thread are conversations', () => {
  it('a DM "hi" gets a short English greeting with at most three example questions, not every topic', async () => {
    const body = await dmAnswer('hi', 'D0HI');
    expect(sectionTexts(body)).toEqual([ui('en', 'greeting.hello')]);
    const buttons = buttonsOf(body);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons.length).toBeLessThan(kb.topics.length);
    expect(String(body.text)).toContain(ui('en', 'greeting.hello'));
  });

  it('a DM "help" gets the help card', async () => {
    const body = await dmAnswer('help', 'D0HELP');
    expect(headerOf(body)).toBe(ui('en', 'help.header'));
    expect(String(body.text)).toContain('/socialvs list');
  });

  it('"Hilfe" after a mention gets the German help, in the thread', async () => {
    const body = await mentionAnswer('Hilfe');
    expect(headerOf(body)).toBe(ui('de', 'help.header'));
    expect(String(body.text)).toContain(ui('de', 'help.words'));
  });

  it('"merci !" gets the French thanks, in a DM and after a mention', async () => {
    expect(sectionTexts(await dmAnswer('merci !', 'D0MERCI'))).toEqual([ui('fr', 'greeting.thanks')]);
    expect(sectionTexts(await mentionAnswer('merci !'))).toEqual([ui('fr', 'greeting.thanks')]);
  });

  it('a lone 👋 gets a greeting in the asker’s language (their Slack locale)', async () => {
    expect(sectionTexts(await dmAnswer('👋', 'D0WAVE'))).toEqual([ui('en', 'greeting.hello')]);
    expect(sectionTexts(await mentionAnswer(':wave:', { user: 'UDE' }))).toEqual([
      ui('de', 'greeting.hello'),
    ]);
  });

  it('a greeting followed by a question gets the answer: the overview card', async () => {
    const body = await dmAnswer('hi, is social media the same as social networking?', 'D0HIQ');
    expect(headerOf(body)).toBe(titleOf('overview', 'en'));
  });

  it('an off-topic question after a mention gets one line and at most three topics', async () => {
    const body = await mentionAnswer('can you order pizza for the team tonight?');
    expect(sectionTexts(body)).toEqual([ui('en', 'nomatch.short')]);
    const buttons = buttonsOf(body);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(MAX_SHORT_SUGGESTIONS);
    expect(headerOf(body)).toBeUndefined();
  });

  it('an example question pressed in a thread answers the presser alone, and leaves the reply as it was', async () => {
    const body = await mentionAnswer('hello');
    const [example] = buttonsOf(body);
    const updatesBefore = h.standIn.callsOf('chat.update').length;
    const responseUrl = h.standIn.responseUrl();
    const sent = await h.slack.blockAction({
      actionId: example?.action_id ?? '',
      value: example?.value ?? '',
      userId: 'UBEN',
      userName: 'ben',
      channelId: 'C0MARKETING',
      responseUrl,
      container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: false },
    });
    expect(sent.status).toBe(200);
    const [reply] = await h.standIn.waitFor(
      () => h.standIn.responsesTo(responseUrl)[0] && h.standIn.responsesTo(responseUrl),
    );
    expect(reply?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const topicId = example?.action_id.replace('topic_open_', '') ?? '';
    expect(headerOf(reply?.body ?? {})).toBe(titleOf(topicId, 'en'));
    // The card answers the question the button asked.
    expect(JSON.stringify(reply?.body)).toContain(example?.text.text);
    expect(h.standIn.responsesTo(responseUrl).every((post) => post.body.replace_original === false)).toBe(
      true,
    );
    expect(h.standIn.callsOf('chat.update')).toHaveLength(updatesBefore);
  });
});

describe('App Home', () => {
  it('publishes the home view in the user language, with every topic', async () => {
    await h.slack.event({
      type: 'app_home_opened',
      user: 'UDE',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: nextTs(),
    });
    const call = await h.standIn.waitFor(() =>
      h.standIn.callsOf('views.publish').find((c) => c.args.user_id === 'UDE'),
    );
    const view = call.args.view as {
      type: string;
      blocks: Array<{ type: string; accessory?: { action_id: string } }>;
    };
    expect(view.type).toBe('home');
    const opened = view.blocks.flatMap((block) => (block.accessory ? [block.accessory.action_id] : []));
    expect(opened).toEqual(kb.topics.map((topic) => `topic_open_${topic.id}`));
    expect(JSON.stringify(view)).toContain('Deutsch');
  });

  it('does nothing for the Messages tab', async () => {
    await h.slack.event({
      type: 'app_home_opened',
      user: 'UMSG',
      channel: 'D0MSG',
      tab: 'messages',
      event_ts: nextTs(),
    });
    await drain();
    expect(h.standIn.callsOf('views.publish').filter((c) => c.args.user_id === 'UMSG')).toHaveLength(0);
  });
});

describe('Slack errors', () => {
  it('logs a failed post with channel and method, and keeps serving', async () => {
    h.standIn.fault('chat.postMessage', { error: 'not_in_channel' });
    const event = mention('ROI', { channel: 'C0LOCKED' });
    await h.slack.event(event);
    await drain();
    expect(
      h.logs.some(
        (line) =>
          line.includes('chat.postMessage failed') &&
          line.includes('C0LOCKED') &&
          line.includes('not_in_channel'),
      ),
    ).toBe(true);
  });
});
