/**
 * "Share in channel" on its own: the card is posted to the channel through the
 * response_url (in_channel), naming who shared it, then the private copy is deleted.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/knowledge/ui-strings.js';
import { shareCard } from '../../../src/listeners/actions/share-card.js';
import { isStaleCard, press, value } from '../../support/button-press.js';
import { buttonsOf, headerOf, kb, titleOf } from '../../support/cards.js';
import { argsOf, calledBefore, linesWith, platformError, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof shareCard>>[0];

describe('share button', () => {
  it('acknowledges, posts the card in the channel, then deletes the private copy', async () => {
    const { deps } = world();
    const call = press<Args>({ actionId: 'topic_share', value: value('roi', 'de'), userName: 'Jonas' });
    await shareCard(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    expect(call.respond).toHaveBeenCalledTimes(2);
    const [shared, removal] = argsOf(call.respond);
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(headerOf(shared ?? {})).toBe(titleOf('roi', 'de'));
    expect(removal).toEqual({ delete_original: true });
    const order = call.respond.mock.invocationCallOrder;
    expect(order[0]).toBeLessThan(order[1] ?? 0);
  });

  it('names who shared it, and the shared card has no share button', async () => {
    const { deps } = world();
    const call = press<Args>({ actionId: 'topic_share', value: value('focus', 'en'), userName: 'ana' });
    await shareCard(deps)(call.args);
    const [shared] = argsOf(call.respond);
    expect(JSON.stringify(shared)).toContain(
      JSON.stringify(translate(kb.ui, 'en', 'card.shared_by', { user: 'ana' })).slice(1, -1),
    );
    expect(buttonsOf(shared ?? {}).map((button) => button.action_id)).not.toContain('topic_share');
  });

  it('answers a card whose topic is gone with the stale card, privately, and shares nothing', async () => {
    const { deps, store } = world();
    await store.setUserLanguage('UCLICK', 'fr');
    const call = press<Args>({ actionId: 'topic_share', value: 'garbage' });
    await shareCard(deps)(call.args);
    expect(call.respond).toHaveBeenCalledTimes(1);
    const [reply] = argsOf(call.respond);
    expect(reply?.replace_original).toBe(true);
    expect(reply).not.toHaveProperty('response_type', 'in_channel');
    expect(isStaleCard(reply ?? {}, 'fr')).toBe(true);
  });

  it('keeps the private copy when posting to the channel fails, logs it once, and tells the sharer alone', async () => {
    const { deps, lines, store } = world();
    await store.setUserLanguage('UCLICK', 'id');
    const call = press<Args>({ actionId: 'topic_share', value: value('roi', 'en'), channelId: 'C0ARCHIVED' });
    call.respond.mockRejectedValueOnce(platformError('is_archived'));
    await expect(shareCard(deps)(call.args)).resolves.toBeUndefined();
    expect(call.respond).toHaveBeenCalledTimes(2);
    const [, notice] = argsOf(call.respond);
    expect(notice).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: translate(kb.ui, 'id', 'error.generic'),
    });
    expect(argsOf(call.respond)).not.toContainEqual({ delete_original: true });
    expect(linesWith(lines, 'response_url failed', 'C0ARCHIVED', 'is_archived')).toHaveLength(1);
  });

  it('a private copy left behind after the card reached the channel is logged, with no apology', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'topic_share', value: value('roi', 'en'), channelId: 'C0KEEP' });
    call.respond.mockResolvedValueOnce({}).mockRejectedValueOnce(platformError('message_not_found'));
    await shareCard(deps)(call.args);
    expect(argsOf(call.respond).map((body) => body.response_type ?? 'delete')).toEqual([
      'in_channel',
      'delete',
    ]);
    expect(linesWith(lines, 'response_url failed', 'C0KEEP', 'message_not_found')).toHaveLength(1);
  });
});
