/**
 * Buttons through the wire: every button of every card the bot sends produces a
 * response (the Home tab's open the topic browser modal), updates the card in place where Slack allows it, and a card from an
 * older version (a topic that no longer exists, an unknown action) still gets a plain answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeValue } from '../../src/cards/actions.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { buttonsOf, type FoundButton, headerOf, kb, titleOf } from '../support/cards.js';
import { type Harness, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function command(text: string, userId = 'UCLICK') {
  return (await slashReply(h.slack, h.standIn, { text, userId, channelId: 'C0GENERAL' })).body;
}

/** Presses a button on an ephemeral card in C0GENERAL; resolves with what was posted to its response_url. */
async function press(button: FoundButton, ephemeral = true, userName = 'clicker') {
  const responseUrl = h.standIn.responseUrl();
  const sent = await h.slack.blockAction({
    actionId: button.action_id,
    ...(button.value === undefined ? {} : { value: button.value }),
    userId: 'UCLICK',
    userName,
    channelId: 'C0GENERAL',
    responseUrl,
    container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: ephemeral },
  });
  expect(sent.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.responsesTo(responseUrl)[0]);
  return h.standIn.responsesTo(responseUrl).map((post) => post.body);
}

describe('every button on every card', () => {
  it('the comparison card: previous, next, each language, share, 👍 and 👎', async () => {
    const card = await command('ROI');
    const buttons = buttonsOf(card);
    expect(buttons.map((b) => b.action_id).sort()).toEqual(
      [
        'feedback_down',
        'feedback_up',
        'topic_language_de',
        'topic_language_fr',
        'topic_language_id',
        'topic_next',
        'topic_previous',
        'topic_share',
      ].sort(),
    );
    for (const button of buttons) {
      const posts = await press(button);
      expect(posts.length).toBeGreaterThan(0);
    }
  });

  it('previous and next replace the card in place with the neighbouring topics', async () => {
    const card = await command('ROI');
    const byId = Object.fromEntries(buttonsOf(card).map((b) => [b.action_id, b]));
    const [next] = await press(byId.topic_next as FoundButton);
    expect(next?.replace_original).toBe(true);
    expect(headerOf(next ?? {})).toBe(titleOf('ask-or-tell', 'en'));
    const [previous] = await press(byId.topic_previous as FoundButton);
    expect(headerOf(previous ?? {})).toBe(titleOf('timely-response', 'en'));
    // Still private: the replaced card keeps its share button.
    expect(buttonsOf(previous ?? {}).map((b) => b.action_id)).toContain('topic_share');
  });

  it('a language button shows the same topic in that language, in place', async () => {
    const card = await command('ROI');
    const german = buttonsOf(card).find((b) => b.action_id === 'topic_language_de') as FoundButton;
    const [updated] = await press(german);
    expect(updated?.replace_original).toBe(true);
    expect(headerOf(updated ?? {})).toBe(titleOf('roi', 'de'));
    // and its own buttons now offer en, id and fr, and navigate in German
    const ids = buttonsOf(updated ?? {}).map((b) => b.action_id);
    expect(ids).toContain('topic_language_en');
    expect(ids).not.toContain('topic_language_de');
  });

  it('share posts the card in the channel, naming who shared it (escaped), and removes the private copy', async () => {
    const card = await command('similarities');
    const share = buttonsOf(card).find((b) => b.action_id === 'topic_share') as FoundButton;
    const posts = await press(share, true, '<!channel>');
    await h.standIn.waitFor(() => posts.length >= 1);
    const inChannel = posts.find((post) => post.response_type === 'in_channel');
    expect(headerOf(inChannel ?? {})).toBe(titleOf('similarities', 'en'));
    expect(JSON.stringify(inChannel)).not.toContain('topic_share');
    expect(JSON.stringify(inChannel)).not.toContain('<!channel>');
    const all = await h.standIn.waitFor(() => {
      const found = h.standIn.responses.filter((post) => post.body.delete_original === true);
      return found.length > 0 && found;
    });
    expect(all.length).toBeGreaterThan(0);
  });

  it('the no-match card: each suggested (or listed) topic opens', async () => {
    const card = await command('order pizza for the team');
    const buttons = buttonsOf(card);
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      const [opened] = await press(button);
      const topicId = button.action_id.replace('topic_open_', '');
      expect(headerOf(opened ?? {})).toBe(titleOf(topicId, 'en'));
    }
  });

  it('the list card: every topic opens', async () => {
    const card = await command('list');
    for (const button of buttonsOf(card)) {
      const [opened] = await press(button);
      expect(headerOf(opened ?? {})).toBe(titleOf(button.action_id.replace('topic_open_', ''), 'en'));
    }
  });

  it('the tip card: opens its topic for whoever clicks, visible to them only', async () => {
    const card = await command('tip');
    const [button] = buttonsOf(card);
    const [opened] = await press(button as FoundButton, false);
    expect(opened?.response_type).toBe('ephemeral');
    expect(opened?.replace_original).toBe(false);
    expect(kb.topics.map((topic) => topic.text.en.title)).toContain(headerOf(opened ?? {}));
  });

  it('the home tab: a topic button opens the topic browser modal on that topic, no DM', async () => {
    const postsBefore = h.standIn.callsOf('chat.postMessage').length;
    const opensBefore = h.standIn.callsOf('views.open').length;
    const sent = await h.slack.blockAction({
      actionId: 'topic_open_focus',
      value: encodeValue({ topic: 'focus', language: 'fr' }),
      userId: 'UHOME',
      container: { type: 'view', viewId: 'V123' },
    });
    expect(sent.status).toBe(200);
    const call = await h.standIn.waitFor(() => h.standIn.callsOf('views.open')[opensBefore]);
    expect(call.outcome).toBe('ok');
    expect(headerOf(call.args.view as Record<string, unknown>)).toBe(titleOf('focus', 'fr'));
    expect(h.standIn.callsOf('chat.postMessage').length).toBe(postsBefore);
  });
});

describe('cards from another version', () => {
  it('a button for a topic that no longer exists gets the topic list with a notice', async () => {
    const [answer] = await press({
      action_id: 'topic_next',
      value: encodeValue({ topic: 'retired-topic', language: 'en' }),
      text: { text: 'Next' },
    });
    expect(JSON.stringify(answer)).toContain(translate(kb.ui, 'en', 'error.stale_card'));
    expect(buttonsOf(answer ?? {}).length).toBe(kb.topics.length);
  });

  it('a button with a value that is not ours is answered, not crashed on', async () => {
    const [answer] = await press({
      action_id: 'topic_open_roi',
      value: 'not json at all',
      text: { text: 'x' },
    });
    expect(JSON.stringify(answer)).toContain(translate(kb.ui, 'en', 'error.stale_card'));
  });

  it('an unknown action id is acknowledged and answered with the topic list', async () => {
    const [answer] = await press({ action_id: 'feedback_up_v9', value: '{}', text: { text: '👍' } });
    expect(JSON.stringify(answer)).toContain(translate(kb.ui, 'en', 'error.stale_card'));
    expect(h.logs.some((line) => line.includes('unknown action feedback_up_v9'))).toBe(true);
  });
});

describe('a card others can see belongs to all of them', () => {
  /** Ben presses a button on a message in #marketing that Ana's question put there. */
  async function benPresses(button: FoundButton) {
    const responseUrl = h.standIn.responseUrl();
    const updatesBefore = h.standIn.callsOf('chat.update').length;
    await h.slack.blockAction({
      actionId: button.action_id,
      ...(button.value === undefined ? {} : { value: button.value }),
      userId: 'U0BEN',
      userName: 'ben',
      channelId: 'C0MARKETING',
      responseUrl,
      container: { type: 'message', messageTs: '1700000300.000100', isEphemeral: false },
    });
    const [reply] = (
      await h.standIn.waitFor(
        () => h.standIn.responsesTo(responseUrl)[0] && h.standIn.responsesTo(responseUrl),
      )
    ).map((post) => post.body);
    expect(h.standIn.responsesTo(responseUrl)).toHaveLength(1);
    expect(h.standIn.callsOf('chat.update').length).toBe(updatesBefore);
    return reply ?? {};
  }

  let mentionClock = 1_700_000_300;
  async function mentionReply(question: string) {
    const ts = `${++mentionClock}.000100`;
    await h.slack.event({
      type: 'app_mention',
      user: 'U0ANA',
      text: `<@U0SOCIALVS> ${question}`,
      ts,
      event_ts: ts,
      channel: 'C0MARKETING',
    });
    const call = await h.standIn.waitFor(() =>
      h.standIn
        .callsOf('chat.postMessage')
        .find((c) => c.args.thread_ts === ts && c.args.channel === 'C0MARKETING'),
    );
    return call.args;
  }

  it("another person's Next ▶ on a reply to a mention reaches only them and leaves the reply as it was", async () => {
    const reply = await mentionReply('what is the ROI difference?');
    const next = buttonsOf(reply).find((b) => b.action_id === 'topic_next') as FoundButton;
    const private_ = await benPresses(next);
    expect(private_).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(private_)).toBe(titleOf('ask-or-tell', 'en'));
  });

  it("another person's 👍 on a reply to a mention is thanked privately and leaves the reply as it was", async () => {
    const reply = await mentionReply('two-way communication');
    const up = buttonsOf(reply).find((b) => b.action_id === 'feedback_up') as FoundButton;
    expect(up).toBeDefined();
    const thanks = await benPresses(up);
    expect(thanks).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(thanks.text).toBe(translate(kb.ui, 'en', 'feedback.up'));
    const report = await h.bot.store.usageReport(undefined);
    expect(report.votes.find((row) => row.topic === 'communication-style')?.up).toBeGreaterThanOrEqual(1);
  });

  it("another person's language button on a shared card reaches only them", async () => {
    const card = await command('similarities');
    const share = buttonsOf(card).find((b) => b.action_id === 'topic_share') as FoundButton;
    const posts = await press(share);
    const shared = posts.find((post) => post.response_type === 'in_channel') ?? {};
    const german = buttonsOf(shared).find((b) => b.action_id === 'topic_language_de') as FoundButton;
    const private_ = await benPresses(german);
    expect(private_).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(private_)).toBe(titleOf('similarities', 'de'));
  });
});
