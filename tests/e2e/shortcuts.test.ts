/**
 * The two Slack-native ways in, over signed HTTP against the Slack stand-in: the message
 * shortcut "Explain with SocialVS" (the card to its user alone, nothing in the channel,
 * only the outcome logged), and the global shortcut's topic browser modal (the topics,
 * a topic with ◀ / ▶ and a language menu, shared to a conversation as a shared card;
 * Slack's refusal told to the user in words, beside the field or privately).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALLBACK_IDS, encodeValue } from '../../src/cards/actions.js';
import { SHARE_ACTION_ID, SHARE_BLOCK_ID } from '../../src/cards/browse-modal.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import type { ViewInPayload } from '../../src/sandbox/slack-payloads.js';
import type { QuestionRecord } from '../../src/store/store.js';
import { blocksOf, buttonsOf, headerOf, kb, titleOf } from '../support/cards.js';
import { type Harness, PINGS, startHarness } from '../support/harness.js';

const ROI_MESSAGE =
  'Should we put our budget into networking or media? Which one shows a clearer return on investment?';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.standIn.users.set('U0ANA', { name: 'ana', locale: 'en-US' });
  h.standIn.users.set('U0LEA', { name: 'lea', locale: 'de-DE' });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.standIn.reset();
});

/** "⋯ More actions" → "Explain with SocialVS" on `message` in #general; resolves with what reached the user. */
async function explain(message: { text?: string; files?: unknown[]; blocks?: unknown[] }, userId = 'U0ANA') {
  const responseUrl = h.standIn.responseUrl();
  const sent = await h.slack.messageAction({
    callbackId: CALLBACK_IDS.explainMessage,
    userId,
    channelId: 'C0GENERAL',
    responseUrl,
    message: { ts: '1700000500.000100', user: 'U0BEN', ...message },
  });
  expect(sent.status).toBe(200);
  const [reply] = await h.standIn.waitFor(
    () => h.standIn.responsesTo(responseUrl).length > 0 && h.standIn.responsesTo(responseUrl),
  );
  return reply?.body ?? {};
}

const contextText = (body: Record<string, unknown>) =>
  JSON.stringify(blocksOf(body).filter((block) => block.type === 'context'));

describe('message shortcut "Explain with SocialVS"', () => {
  it('gives that user the ROI card, quoting the message, and posts nothing to the channel', async () => {
    const reply = await explain({ text: ROI_MESSAGE });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(headerOf(reply)).toBe(titleOf('roi', 'en'));
    expect(contextText(reply)).toContain(translate(kb.ui, 'en', 'explain.quote', { message: '' }).trim());
    expect(contextText(reply)).toContain('Should we put our budget into networking or media?');
    // Theirs to share, vote on: the usual buttons.
    expect(buttonsOf(reply).map((b) => b.action_id)).toEqual(
      expect.arrayContaining(['topic_next', 'topic_share', 'feedback_up']),
    );
    expect(h.standIn.callsOf('chat.postMessage')).toHaveLength(0);
    expect(h.standIn.callsOf('chat.postEphemeral')).toHaveLength(0);
    expect(h.standIn.responses.filter((post) => post.body.response_type === 'in_channel')).toHaveLength(0);
  });

  it("answers in the message's own language when it can be told, else the user's", async () => {
    const german = await explain({
      text: 'Wie unterscheiden sich die Zielgruppen von Social Media und Networking?',
    });
    expect(headerOf(german)).toBe(titleOf('target-audience', 'de'));
    const unclear = await explain({ text: 'ROI' }, 'U0LEA');
    expect(headerOf(unclear)).toBe(titleOf('roi', 'de'));
  });

  it('gives the no-match card for an off-topic message, with the message escaped, never a ping', async () => {
    const reply = await explain({ text: 'Lunch at noon? &lt;!channel&gt; <!here> pizza for the team' });
    expect(headerOf(reply)).toBe(translate(kb.ui, 'en', 'nomatch.header'));
    expect(JSON.stringify(reply)).not.toMatch(PINGS);
  });

  it('says there is nothing to explain for a message with no text (a file, blocks only)', async () => {
    for (const message of [{ text: '', files: [{ id: 'F0FILE' }] }, { blocks: [{ type: 'divider' }] }]) {
      const reply = await explain(message);
      expect(reply.text).toBe(translate(kb.ui, 'en', 'explain.nothing'));
      expect(reply.response_type).toBe('ephemeral');
      expect(buttonsOf(reply)).toHaveLength(0);
    }
  });

  it("logs the outcome of an explanation, never the message's text nor who asked, though QUESTION_LOG is on", async () => {
    const recorded: QuestionRecord[] = [];
    const record = vi.spyOn(h.bot.store, 'recordQuestion').mockImplementation(async (question) => {
      recorded.push(question);
    });
    try {
      await explain({ text: ROI_MESSAGE });
      await explain({ text: 'Quibblewick wants the pizza order by noon' });
    } finally {
      record.mockRestore();
    }
    expect(recorded.map(({ surface, topic }) => ({ surface, topic }))).toEqual([
      { surface: 'shortcut', topic: 'roi' },
      { surface: 'shortcut', topic: null },
    ]);
    for (const question of recorded) {
      expect(question).not.toHaveProperty('text');
      expect(question).not.toHaveProperty('normalized');
      expect(question).not.toHaveProperty('askerId');
    }
    expect(h.logs.join('\n')).not.toContain('Quibblewick');
  });
});

/** The modal the bot last opened or updated, as the stand-in holds it. */
function modal(): ViewInPayload & { view: Record<string, unknown> } {
  const open = [...h.standIn.views.values()].at(-1);
  if (!open) throw new Error('no modal open');
  return {
    id: open.id,
    hash: open.hash,
    callback_id: String(open.view.callback_id),
    private_metadata: String(open.view.private_metadata ?? ''),
    view: open.view,
  };
}

async function openBrowser(userId = 'U0ANA') {
  const sent = await h.slack.shortcut({ callbackId: CALLBACK_IDS.browseShortcut, userId });
  expect(sent.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.callsOf('views.open').find((call) => call.outcome === 'ok'));
  return modal();
}

/** A press inside the modal; resolves once the modal was updated. */
async function pressInModal(actionId: string, input: { value?: string; selected?: string } = {}) {
  const current = modal();
  const before = h.standIn.callsOf('views.update').length;
  await h.slack.blockAction({
    actionId,
    ...(input.value === undefined ? {} : { value: input.value }),
    ...(input.selected ? { selectedOption: { value: input.selected, text: input.selected } } : {}),
    userId: 'U0ANA',
    container: { type: 'view', viewId: current.id },
    view: current,
  });
  const update = await h.standIn.waitFor(() => h.standIn.callsOf('views.update')[before]);
  expect(update.outcome).toBe('ok');
  expect(update.args.view_id).toBe(current.id);
  expect(update.args.hash).toBe(current.hash);
  return modal();
}

function topicButtonOf(view: Record<string, unknown>, topicId: string) {
  return buttonsOf(view).find((button) => button.action_id === `browse_open_${topicId}`);
}

async function share(channelId: string) {
  const current = modal();
  return h.slack.viewSubmission({
    userId: 'U0ANA',
    userName: 'ana',
    view: current,
    responseUrls: [
      {
        blockId: SHARE_BLOCK_ID,
        actionId: SHARE_ACTION_ID,
        channelId,
        responseUrl: h.standIn.responseUrlFor(channelId),
      },
    ],
  });
}

describe('global shortcut "Browse SocialVS topics"', () => {
  it('opens a modal listing the 13 topics in the user language, with a language choice', async () => {
    const { view } = await openBrowser('U0LEA');
    expect((view.title as { text: string }).text).toBe(translate(kb.ui, 'de', 'browse.title'));
    const topicButtons = buttonsOf(view).filter((button) => button.action_id.startsWith('browse_open_'));
    expect(topicButtons).toHaveLength(13);
    expect(JSON.stringify(view)).toContain(titleOf('roi', 'de'));
    expect(JSON.stringify(view)).toContain('"static_select"');
    // No field to submit yet: no submit button.
    expect(view.submit).toBeUndefined();
  });

  it('choosing a topic updates the modal with its card, and ◀ / ▶ and the language menu move on', async () => {
    const list = await openBrowser();
    const roi = topicButtonOf(list.view, 'roi');
    expect(roi).toBeDefined();
    const shown = await pressInModal('browse_open_roi', { value: roi?.value });
    expect(headerOf(shown.view)).toBe(titleOf('roi', 'en'));
    const networking = kb.byId.get('roi')?.text.en.networking ?? 'missing';
    expect(JSON.stringify(shown.view)).toContain(JSON.stringify(networking).slice(1, -1));
    expect((shown.view.submit as { text: string }).text).toBe(translate(kb.ui, 'en', 'browse.submit'));

    const next = buttonsOf(shown.view).find((button) => button.action_id === 'browse_next');
    const after = await pressInModal('browse_next', { value: next?.value });
    expect(headerOf(after.view)).not.toBe(titleOf('roi', 'en'));

    const german = await pressInModal('browse_language', { selected: 'de' });
    expect(headerOf(german.view)).toBe(
      titleOf(kb.topics.find((t) => t.text.en.title === headerOf(after.view))?.id ?? '', 'de'),
    );
    const back = await pressInModal('browse_list', { value: encodeValue({ topic: '', language: 'de' }) });
    expect(buttonsOf(back.view).filter((b) => b.action_id.startsWith('browse_open_'))).toHaveLength(13);
  });

  it('sharing to a channel posts the card there as a shared card and closes the modal', async () => {
    const list = await openBrowser();
    await pressInModal('browse_open_roi', { value: topicButtonOf(list.view, 'roi')?.value });
    const sent = await share('C0MARKETING');
    expect(sent.status).toBe(200);
    // An empty acknowledgement closes the modal.
    expect(sent.body.trim()).toBe('');
    const posted = h.standIn.responses.find((post) => h.standIn.channelOfResponse(post.id) === 'C0MARKETING');
    expect(posted?.body.response_type).toBe('in_channel');
    expect(headerOf(posted?.body ?? {})).toBe(titleOf('roi', 'en'));
    expect(contextText(posted?.body ?? {})).toContain(
      translate(kb.ui, 'en', 'card.shared_by', { user: 'ana' }),
    );
    // A public card: no share button, and nothing edited or posted by the Web API.
    expect(buttonsOf(posted?.body ?? {}).map((b) => b.action_id)).not.toContain('topic_share');
    expect(h.standIn.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it("a refusal known in time is shown beside the field, in the user's language, with what to do", async () => {
    const list = await openBrowser('U0LEA');
    await pressInModal('browse_open_roi', { value: topicButtonOf(list.view, 'roi')?.value });
    h.standIn.refuseResponses('C0PRIVATE', 'channel_not_found');
    const sent = await share('C0PRIVATE');
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toEqual({
      response_action: 'errors',
      errors: { [SHARE_BLOCK_ID]: translate(kb.ui, 'de', 'share.channel_not_found') },
    });
    expect(h.standIn.responses).toHaveLength(0);
  });

  it('a refusal that comes after the deadline reaches the user privately, in words', async () => {
    const list = await openBrowser();
    await pressInModal('browse_open_roi', { value: topicButtonOf(list.view, 'roi')?.value });
    h.standIn.refuseResponses('C0ARCHIVED', 'channel_is_archived', 2500);
    const sent = await share('C0ARCHIVED');
    expect(sent.body.trim()).toBe('');
    const notice = await h.standIn.waitFor(
      () => h.standIn.callsOf('chat.postMessage').find((call) => call.args.channel === 'U0ANA'),
      8000,
    );
    expect(notice.args.text).toBe(
      translate(kb.ui, 'en', 'share.not_shared', {
        topic: titleOf('roi', 'en'),
        reason: translate(kb.ui, 'en', 'share.archived'),
      }),
    );
  });
});

describe('App Home', () => {
  it("'Open this topic' opens the topic browser on that topic, and sends no DM", async () => {
    const sent = await h.slack.blockAction({
      actionId: 'topic_open_focus',
      value: encodeValue({ topic: 'focus', language: 'fr' }),
      userId: 'U0ANA',
      container: { type: 'view', viewId: 'V0HOME' },
    });
    expect(sent.status).toBe(200);
    const opened = await h.standIn.waitFor(() => h.standIn.callsOf('views.open')[0]);
    expect(opened.outcome).toBe('ok');
    expect(headerOf(opened.args.view as Record<string, unknown>)).toBe(titleOf('focus', 'fr'));
    expect(h.standIn.callsOf('chat.postMessage')).toHaveLength(0);
  });
});
