/**
 * The tip card's "Open the topic" on its own: the topic's card for whoever clicked,
 * visible to them only; the channel's tip message is left as it is.
 */
import { describe, expect, it } from 'vitest';
import { tipOpen } from '../../../src/listeners/actions/tip-open.js';
import { isStaleCard, press, value } from '../../support/button-press.js';
import { buttonsOf, headerOf, kb, titleOf } from '../../support/cards.js';
import { argsOf, calledBefore, linesWith, platformError, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof tipOpen>>[0];

describe('tip "open the topic" button', () => {
  it('acknowledges, then shows the topic to the clicker only, leaving the tip in place', async () => {
    const { deps } = world();
    const call = press<Args>({
      actionId: 'tip_open',
      value: value('timely-response', 'id'),
      where: 'message',
    });
    await tipOpen(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(reply ?? {})).toBe(titleOf('timely-response', 'id'));
    // Private, so it can be shared from there.
    expect(buttonsOf(reply ?? {}).map((button) => button.action_id)).toContain('topic_share');
  });

  it('opens the topic of every tip', async () => {
    const { deps } = world();
    for (const tip of kb.tips) {
      const call = press<Args>({ actionId: 'tip_open', value: value(tip.topicId, 'en'), where: 'message' });
      await tipOpen(deps)(call.args);
      expect(headerOf(argsOf(call.respond)[0] ?? {})).toBe(titleOf(tip.topicId, 'en'));
    }
  });

  it('from the Home tab, posts the card in the DM', async () => {
    const { deps } = world();
    const call = press<Args>({
      actionId: 'tip_open',
      value: value('roi', 'en'),
      where: 'home',
      userId: 'UHOME',
    });
    await tipOpen(deps)(call.args);
    expect(call.respond).not.toHaveBeenCalled();
    const [posted] = argsOf(call.client.chat.postMessage);
    expect(posted?.channel).toBe('UHOME');
    expect(headerOf(posted ?? {})).toBe(titleOf('roi', 'en'));
  });

  it('answers a tip whose topic is gone with the stale card, privately', async () => {
    const { deps } = world();
    const call = press<Args>({ actionId: 'tip_open', value: value('retired-topic', 'de'), where: 'message' });
    await tipOpen(deps)(call.args);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(isStaleCard(reply ?? {}, 'de')).toBe(true);
  });

  it('logs a rejected respond() with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = press<Args>({
      actionId: 'tip_open',
      value: value('roi', 'en'),
      where: 'message',
      channelId: 'C0TIPS',
    });
    call.respond.mockRejectedValue(platformError('channel_not_found'));
    await expect(tipOpen(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'response_url failed', 'C0TIPS', 'channel_not_found')).toHaveLength(1);
  });

  it('logs a rejected chat.postMessage from the Home tab, and does not throw', async () => {
    const { deps, lines } = world();
    const call = press<Args>({
      actionId: 'tip_open',
      value: value('roi', 'en'),
      where: 'home',
      userId: 'UHOME',
    });
    call.client.chat.postMessage.mockRejectedValue(platformError('messages_tab_disabled'));
    await expect(tipOpen(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'chat.postMessage failed', 'UHOME', 'messages_tab_disabled')).toHaveLength(1);
  });
});
