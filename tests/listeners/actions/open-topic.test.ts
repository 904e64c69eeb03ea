/**
 * The topic buttons (previous / next / a language / a topic from a list) on their own:
 * the card is replaced in place; from the Home tab, which has no message to replace,
 * the topic opens in the topic browser modal; an old card gets the topic list.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/knowledge/ui-strings.js';
import { openTopic } from '../../../src/listeners/actions/open-topic.js';
import { isStaleCard, press, value } from '../../support/button-press.js';
import { buttonsOf, headerOf, kb, titleOf } from '../../support/cards.js';
import { argsOf, calledBefore, linesWith, platformError, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof openTopic>>[0];

describe('topic buttons', () => {
  it('acknowledges, then replaces the card in place with the topic in the chosen language', async () => {
    const { deps } = world();
    const call = press<Args>({ actionId: 'topic_language_de', value: value('roi', 'de') });
    await openTopic(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    const [reply] = argsOf(call.respond);
    expect(reply?.replace_original).toBe(true);
    expect(reply).not.toHaveProperty('response_type');
    expect(headerOf(reply ?? {})).toBe(titleOf('roi', 'de'));
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('opens every topic of the list, in every language', async () => {
    const { deps } = world();
    for (const topic of kb.topics) {
      for (const language of ['en', 'id', 'de', 'fr'] as const) {
        const call = press<Args>({ actionId: `topic_open_${topic.id}`, value: value(topic.id, language) });
        await openTopic(deps)(call.args);
        expect(headerOf(argsOf(call.respond)[0] ?? {})).toBe(titleOf(topic.id, language));
      }
    }
  });

  it('replaces a private card in place; on a channel message, answers the presser alone and changes nothing', async () => {
    const { deps } = world();
    const reply = async (where: 'ephemeral' | 'message', channelId = 'C0GENERAL') => {
      const call = press<Args>({ actionId: 'topic_next', value: value('focus', 'en'), where, channelId });
      await openTopic(deps)(call.args);
      return argsOf(call.respond)[0] ?? {};
    };
    const privately = await reply('ephemeral');
    expect(privately.replace_original).toBe(true);
    expect(buttonsOf(privately).map((button) => button.action_id)).toContain('topic_share');

    const onChannelMessage = await reply('message');
    expect(onChannelMessage).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    // The presser's own copy can be shared in turn.
    expect(buttonsOf(onChannelMessage).map((button) => button.action_id)).toContain('topic_share');

    // A card in the presser's own DM with the bot is theirs alone: replaced in place.
    const inDm = await reply('message', 'D0PRESSER');
    expect(inDm.replace_original).toBe(true);
    expect(buttonsOf(inDm).map((button) => button.action_id)).not.toContain('topic_share');
  });

  it('from the Home tab, opens the topic browser modal on that topic with the press trigger, and sends no message', async () => {
    const { deps } = world();
    const call = press<Args>({
      actionId: 'topic_open_similarities',
      value: value('similarities', 'fr'),
      where: 'home',
      userId: 'UHOME',
    });
    await openTopic(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).not.toHaveBeenCalled();
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
    expect(call.client.views.open).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.client.views.open)).toBe(true);
    const [opened] = argsOf(call.client.views.open);
    expect(opened?.trigger_id).toBe('1700000000.000300.trigger');
    const view = opened?.view as { type: string; blocks: unknown[]; title: { text: string } };
    expect(view.type).toBe('modal');
    expect(view.title.text).toBe(translate(kb.ui, 'fr', 'browse.title'));
    expect(headerOf(view)).toBe(titleOf('similarities', 'fr'));
  });

  it('answers a card whose topic is gone with the stale card, in the language on the button', async () => {
    const { deps } = world();
    const call = press<Args>({ actionId: 'topic_open_retired', value: value('retired-topic', 'id') });
    await openTopic(deps)(call.args);
    const [reply] = argsOf(call.respond);
    expect(reply?.replace_original).toBe(true);
    expect(isStaleCard(reply ?? {}, 'id')).toBe(true);
  });

  it('answers a button value that is not ours with the stale card in the saved language', async () => {
    const { deps, store } = world();
    await store.setUserLanguage('UCLICK', 'de');
    for (const raw of ['not json', '{"t":"roi","l":"es"}', undefined]) {
      const call = press<Args>({ actionId: 'topic_next', ...(raw === undefined ? {} : { value: raw }) });
      await openTopic(deps)(call.args);
      expect(isStaleCard(argsOf(call.respond)[0] ?? {}, 'de')).toBe(true);
    }
  });

  it('logs a rejected respond() with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'topic_next', value: value('roi', 'en'), channelId: 'C0EXPIRED' });
    call.respond.mockRejectedValue(new Error('Request failed with status code 404'));
    await expect(openTopic(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'response_url failed', 'C0EXPIRED', 'UCLICK')).toHaveLength(1);
  });

  it('logs a refused views.open from the Home tab with the method, and does not throw', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'topic_open_roi', value: value('roi', 'en'), where: 'home' });
    call.client.views.open.mockRejectedValue(platformError('expired_trigger_id'));
    await expect(openTopic(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'views.open failed', 'UCLICK', 'expired_trigger_id')).toHaveLength(1);
  });

  it('when Slack refuses the card, the presser alone gets the one plain line in the card’s language, logged once', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'topic_next', value: value('roi', 'fr'), channelId: 'C0REFUSE' });
    call.respond.mockRejectedValueOnce(platformError('invalid_blocks'));
    await openTopic(deps)(call.args);
    const [card, notice] = argsOf(call.respond);
    expect(headerOf(card ?? {})).toBe(titleOf('roi', 'fr'));
    expect(notice).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: translate(kb.ui, 'fr', 'error.generic'),
      blocks: expect.any(Array),
    });
    expect(call.respond).toHaveBeenCalledTimes(2);
    expect(linesWith(lines, 'response_url failed', 'C0REFUSE', 'invalid_blocks')).toHaveLength(1);
  });

  it('when the store refuses, the presser gets the one plain line instead of a card, logged once', async () => {
    const { deps, lines, store } = world('de');
    await store.close();
    const call = press<Args>({ actionId: 'topic_next', value: 'not json', channelId: 'C0BROKEN' });
    await openTopic(deps)(call.args);
    expect(argsOf(call.respond)).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: translate(kb.ui, 'de', 'error.generic'),
        blocks: expect.any(Array),
      },
    ]);
    expect(linesWith(lines, 'ERROR', 'answering topic_next failed', 'C0BROKEN')).toHaveLength(1);
  });
});
