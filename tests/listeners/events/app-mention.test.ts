/**
 * The app_mention listener on its own: the answer goes to the channel, in the thread of
 * the mention (or the thread it was in); bots, subtypes and user-less events get nothing.
 */
import { describe, expect, it } from 'vitest';
import { appMention, questionFromMention } from '../../../src/listeners/events/app-mention.js';
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

type Args = Parameters<ReturnType<typeof appMention>>[0];

let clock = 1_700_000_000;

function mention(text: string, extra: Record<string, unknown> = {}, client: FakeClient = fakeClient()) {
  const ts = `${++clock}.000100`;
  const event = {
    type: 'app_mention',
    user: 'UASKER',
    text: `<@U0SOCIALVS> ${text}`,
    ts,
    event_ts: ts,
    channel: 'C0MARKETING',
    ...extra,
  };
  return { event, client, args: asArgs<Args>({ event, body: { event }, client }) };
}

describe('questionFromMention', () => {
  it('removes the leading mention(s) of the bot, and only those', () => {
    expect(questionFromMention('<@U0SOCIALVS> what is ROI?')).toBe('what is ROI?');
    expect(questionFromMention('  <@U0SOCIALVS|socialvs>   <@U0SOCIALVS> ROI ')).toBe('ROI');
    expect(questionFromMention('ROI for <@U0BOSS>')).toBe('ROI for <@U0BOSS>');
    expect(questionFromMention('<@U0SOCIALVS>')).toBe('');
  });
});

describe('app_mention listener', () => {
  it('answers in the thread of the mention with the topic card, without a share button', async () => {
    const { deps } = world();
    const call = mention(titleOf('similarities', 'en'));
    await appMention(deps)(call.args);
    expect(call.client.chat.postMessage).toHaveBeenCalledTimes(1);
    const [posted] = argsOf(call.client.chat.postMessage);
    expect(posted).toMatchObject({
      channel: 'C0MARKETING',
      thread_ts: call.event.ts,
      unfurl_links: false,
      unfurl_media: false,
    });
    expect(headerOf(posted ?? {})).toBe(titleOf('similarities', 'en'));
    expect(String(posted?.text).length).toBeGreaterThan(0);
    expect(buttonsOf(posted ?? {}).map((button) => button.action_id)).not.toContain('topic_share');
  });

  it('answers a mention inside a thread in that same thread', async () => {
    const { deps } = world();
    const call = mention(titleOf('roi', 'en'), { thread_ts: '1699999999.000200' });
    await appMention(deps)(call.args);
    expect(argsOf(call.client.chat.postMessage)[0]?.thread_ts).toBe('1699999999.000200');
  });

  it('answers every topic asked by its title, in the language of the question', async () => {
    const { deps } = world();
    for (const topic of kb.topics) {
      const call = mention(topic.text.fr.title);
      await appMention(deps)(call.args);
      expect(headerOf(argsOf(call.client.chat.postMessage)[0] ?? {})).toBe(titleOf(topic.id, 'fr'));
    }
  });

  it("answers a question without a language in the asker's Slack locale", async () => {
    const { deps } = world();
    const call = mention('ROI', { user: 'UDE' }, fakeClient({ UDE: 'de-DE' }));
    await appMention(deps)(call.args);
    expect(headerOf(argsOf(call.client.chat.postMessage)[0] ?? {})).toBe(titleOf('roi', 'de'));
  });

  it('ignores bots (itself included), message subtypes and events without a user', async () => {
    const { deps } = world();
    const quiet = [
      mention('ROI', { user: 'U0SOCIALVS', bot_id: 'B0SOCIALVS' }),
      mention('ROI', { user: 'UOTHERBOT', bot_id: 'B0OTHER' }),
      mention('ROI', { subtype: 'bot_message', bot_id: 'B0OTHER' }),
      mention('ROI', { subtype: 'message_changed' }),
      mention('ROI', { user: undefined }),
    ];
    for (const call of quiet) {
      await appMention(deps)(call.args);
      expect(call.client.chat.postMessage).not.toHaveBeenCalled();
      expect(call.client.users.info).not.toHaveBeenCalled();
    }
  });

  it('logs a rejected chat.postMessage with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = mention('ROI', { channel: 'C0LOCKED' });
    call.client.chat.postMessage.mockRejectedValue(platformError('not_in_channel'));
    await expect(appMention(deps)(call.args)).resolves.toBeUndefined();
    expect(call.client.chat.postMessage).toHaveBeenCalledTimes(1);
    const logged = linesWith(lines, 'chat.postMessage failed', 'C0LOCKED', 'UASKER', 'not_in_channel');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('WARN');
  });
});
