/**
 * The message listener on its own: a DM to the bot is answered in the DM (in its thread
 * only when it was in one); other channels, subtypes (edits, joins) and bots get nothing.
 */
import { describe, expect, it } from 'vitest';
import { directMessage } from '../../../src/listeners/events/direct-message.js';
import { buttonsOf, headerOf, kb, titleOf } from '../../support/cards.js';
import {
  argsOf,
  asArgs,
  type FakeClient,
  fakeClient,
  linesWith,
  platformError,
  world,
} from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof directMessage>>[0];

let clock = 1_700_000_000;

function dm(
  text: string | undefined,
  extra: Record<string, unknown> = {},
  client: FakeClient = fakeClient(),
) {
  const ts = `${++clock}.000100`;
  const event = {
    type: 'message',
    channel_type: 'im',
    channel: 'D0DM',
    user: 'UASKER',
    ...(text === undefined ? {} : { text }),
    ts,
    event_ts: ts,
    ...extra,
  };
  return { event, client, args: asArgs<Args>({ event, message: event, body: { event }, client }) };
}

describe('direct message listener', () => {
  it('answers a DM in the DM, not in a thread, with the topic card', async () => {
    const { deps } = world();
    const call = dm(titleOf('definition', 'de'));
    await directMessage(deps)(call.args);
    expect(call.client.chat.postMessage).toHaveBeenCalledTimes(1);
    const [posted] = argsOf(call.client.chat.postMessage);
    expect(posted?.channel).toBe('D0DM');
    expect(posted).not.toHaveProperty('thread_ts');
    expect(posted).toMatchObject({ unfurl_links: false, unfurl_media: false });
    expect(headerOf(posted ?? {})).toBe(titleOf('definition', 'de'));
    expect(buttonsOf(posted ?? {}).map((button) => button.action_id)).not.toContain('topic_share');
  });

  it('answers a DM sent in a thread in that thread', async () => {
    const { deps } = world();
    const call = dm(titleOf('roi', 'en'), { thread_ts: '1699999999.000300' });
    await directMessage(deps)(call.args);
    expect(argsOf(call.client.chat.postMessage)[0]?.thread_ts).toBe('1699999999.000300');
  });

  it('answers every topic asked by its title in Bahasa Indonesia', async () => {
    const { deps } = world();
    for (const topic of kb.topics) {
      const call = dm(topic.text.id.title);
      await directMessage(deps)(call.args);
      expect(headerOf(argsOf(call.client.chat.postMessage)[0] ?? {})).toBe(titleOf(topic.id, 'id'));
    }
  });

  it('answers an empty DM with the overview card', async () => {
    const { deps } = world();
    const call = dm(undefined);
    await directMessage(deps)(call.args);
    expect(headerOf(argsOf(call.client.chat.postMessage)[0] ?? {})).toBe(titleOf('overview', 'en'));
  });

  it('ignores channel messages, subtypes, bots and messages without a user', async () => {
    const { deps } = world();
    const quiet = [
      dm('ROI', { channel_type: 'channel', channel: 'C0GENERAL' }),
      dm('ROI', { channel_type: 'mpim', channel: 'G0GROUP' }),
      dm('ROI', { subtype: 'message_changed', message: { text: 'ROI', user: 'UASKER' } }),
      dm('ROI', { subtype: 'message_deleted' }),
      dm('ROI', { subtype: 'bot_message', bot_id: 'B0OTHER' }),
      dm('ROI', { subtype: 'file_share' }),
      dm('ROI', { user: 'U0SOCIALVS', bot_id: 'B0SOCIALVS' }),
      dm('ROI', { user: 'UOTHERBOT', bot_id: 'B0OTHER' }),
      dm('ROI', { user: undefined }),
    ];
    for (const call of quiet) {
      await directMessage(deps)(call.args);
      expect(call.client.chat.postMessage).not.toHaveBeenCalled();
    }
  });

  it('logs a rejected chat.postMessage with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = dm('ROI', { channel: 'D0CLOSED' });
    call.client.chat.postMessage.mockRejectedValue(platformError('channel_not_found'));
    await expect(directMessage(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'chat.postMessage failed', 'D0CLOSED', 'channel_not_found')).toHaveLength(1);
  });
});
