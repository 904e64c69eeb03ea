/**
 * The /socialvs listener on its own: answered privately in the acknowledgement when the
 * answer is ready in time, else acknowledged empty and answered through respond(); in the
 * asker's language; a failed Slack call is logged, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/knowledge/ui-strings.js';
import { socialvsCommand } from '../../../src/listeners/commands/socialvs.js';
import { buttonsOf, headerOf, kb, titleOf } from '../../support/cards.js';
import {
  argsOf,
  asArgs,
  calledBefore,
  type FakeClient,
  fakeAckRespond,
  fakeClient,
  linesWith,
  platformError,
  world,
} from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof socialvsCommand>>[0];

function slash(
  text: string,
  options: { userId?: string; channelId?: string; channelName?: string; client?: FakeClient } = {},
) {
  const { ack, respond } = fakeAckRespond();
  const client = options.client ?? fakeClient();
  const command = {
    command: '/socialvs',
    text,
    user_id: options.userId ?? 'UASKER',
    user_name: 'asker',
    channel_id: options.channelId ?? 'C0GENERAL',
    channel_name: options.channelName ?? 'general',
    team_id: 'T0SANDBOX',
    response_url: 'https://hooks.slack.invalid/commands/1',
    trigger_id: '1.trigger',
    api_app_id: 'A0SOCIALVS',
  };
  return { ack, respond, client, args: asArgs<Args>({ command, body: command, ack, respond, client }) };
}

/** The one reply the asker sees: the card the ack carried, or else the one respond() sent. */
function onlyReply(call: ReturnType<typeof slash>): Record<string, unknown> {
  const inAck = argsOf(call.ack).filter((arg) => Object.keys(arg).length > 0);
  const responded = argsOf(call.respond);
  expect(call.ack).toHaveBeenCalledTimes(1);
  expect(inAck.length + responded.length).toBe(1);
  return inAck[0] ?? responded[0] ?? {};
}

/**
 * A client whose users.info answers only after the command was acknowledged: the answer
 * can't be ready for the ack, so it must go through respond().
 */
function slowLocaleClient(call: ReturnType<typeof slash>, locale = 'de-DE') {
  let acked = () => {};
  const ackSeen = new Promise<void>((resolve) => {
    acked = resolve;
  });
  call.ack.mockImplementation(async () => acked());
  call.client.users.info.mockImplementation(async () => {
    await ackSeen;
    return { ok: true, user: { locale } } as never;
  });
}

describe('/socialvs listener', () => {
  it('answers in the acknowledgement itself when the answer is ready at once', async () => {
    const { deps } = world();
    const call = slash(titleOf('roi', 'en'));
    await socialvsCommand(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(headerOf(argsOf(call.ack)[0] ?? {})).toBe(titleOf('roi', 'en'));
    expect(call.respond).not.toHaveBeenCalled();
  });

  it('acknowledges empty and answers through respond() when the answer is not ready in time', async () => {
    const { deps } = world();
    const call = slash('help', { userId: 'USLOW' });
    slowLocaleClient(call);
    await socialvsCommand(deps, 10)(call.args);
    expect(argsOf(call.ack)).toEqual([{}]);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    const reply = onlyReply(call);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(reply)).toBe(translate(kb.ui, 'de', 'help.header'));
  });

  it('answers a question with the topic card, ephemeral, with a share button', async () => {
    const { deps } = world();
    for (const topic of kb.topics) {
      const call = slash(topic.text.en.title);
      await socialvsCommand(deps)(call.args);
      const reply = onlyReply(call);
      expect(reply.response_type).toBe('ephemeral');
      expect(headerOf(reply)).toBe(titleOf(topic.id, 'en'));
      expect(buttonsOf(reply).map((button) => button.action_id)).toContain('topic_share');
      expect(String(reply.text).length).toBeGreaterThan(0);
    }
  });

  it('answers help and list with their cards', async () => {
    const { deps } = world();
    const help = slash('help');
    await socialvsCommand(deps)(help.args);
    expect(headerOf(onlyReply(help))).toBe(translate(kb.ui, 'en', 'help.header'));
    const list = slash('list');
    await socialvsCommand(deps)(list.args);
    const reply = onlyReply(list);
    expect(reply.response_type).toBe('ephemeral');
    expect(headerOf(reply)).toBe(translate(kb.ui, 'en', 'list.header'));
    expect(buttonsOf(reply).map((button) => button.action_id)).toEqual(
      kb.topics.map((topic) => `topic_open_${topic.id}`),
    );
  });

  it('lang fr saves the language, confirms in French, and later answers follow it', async () => {
    const { deps, store } = world();
    const lang = slash('lang fr', { userId: 'UFRANCE' });
    await socialvsCommand(deps)(lang.args);
    expect(await store.getUserLanguage('UFRANCE')).toBe('fr');
    const confirmation = onlyReply(lang);
    expect(confirmation.response_type).toBe('ephemeral');
    expect(confirmation.text).toBe(translate(kb.ui, 'fr', 'lang.saved', { language: 'français' }));
    expect(confirmation.text).toContain('en français');

    const list = slash('list', { userId: 'UFRANCE' });
    await socialvsCommand(deps)(list.args);
    expect(headerOf(onlyReply(list))).toBe(translate(kb.ui, 'fr', 'list.header'));
  });

  it("uses the asker's Slack locale when no language is saved, asking users.info once", async () => {
    const { deps } = world();
    const client = fakeClient({ UDE: 'de-DE' });
    for (let i = 0; i < 2; i++) {
      const call = slash('list', { userId: 'UDE', client });
      await socialvsCommand(deps)(call.args);
      expect(headerOf(onlyReply(call))).toBe(translate(kb.ui, 'de', 'list.header'));
    }
    expect(client.users.info).toHaveBeenCalledTimes(1);
    expect(argsOf(client.users.info)[0]).toMatchObject({ user: 'UDE', include_locale: true });
  });

  it('falls back to the default language when users.info fails, and logs the failure', async () => {
    const { deps, lines } = world('en');
    const client = fakeClient();
    client.users.info.mockRejectedValue(platformError('user_not_found'));
    const call = slash('help', { userId: 'UGHOST', client });
    await socialvsCommand(deps)(call.args);
    expect(headerOf(onlyReply(call))).toBe(translate(kb.ui, 'en', 'help.header'));
    expect(linesWith(lines, 'users.info failed', 'UGHOST', 'user_not_found')).toHaveLength(1);
  });

  it('subscribe in a DM answers that tips are for channels', async () => {
    const { deps } = world();
    const call = slash('subscribe', { channelId: 'D0DM', channelName: 'directmessage' });
    await socialvsCommand(deps)(call.args);
    expect(onlyReply(call).text).toBe(translate(kb.ui, 'en', 'subscribe.dm'));
  });

  it('logs a failed respond() with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = slash('help', { channelId: 'C0LOCKED' });
    slowLocaleClient(call);
    call.respond.mockRejectedValue(platformError('not_in_channel'));
    await expect(socialvsCommand(deps, 10)(call.args)).resolves.toBeUndefined();
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(linesWith(lines, 'response_url failed', 'C0LOCKED', 'not_in_channel')).toHaveLength(1);
  });

  it('logs a respond() that fails with a plain error, with its message', async () => {
    const { deps, lines } = world();
    const call = slash('help', { channelId: 'C0GONE' });
    slowLocaleClient(call);
    call.respond.mockRejectedValue(new Error('Request failed with status code 404'));
    await expect(socialvsCommand(deps, 10)(call.args)).resolves.toBeUndefined();
    expect(
      linesWith(lines, 'ERROR', 'response_url failed', 'C0GONE', 'Request failed with status code 404'),
    ).toHaveLength(1);
  });

  it('answers the generic apology when the store fails, and logs it', async () => {
    const { deps, store, lines } = world();
    await store.close();
    const call = slash('list', { channelId: 'C0BROKEN' });
    await expect(socialvsCommand(deps)(call.args)).resolves.toBeUndefined();
    const reply = onlyReply(call);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(translate(kb.ui, 'en', 'error.generic'));
    expect(linesWith(lines, 'ERROR', '/socialvs failed', 'C0BROKEN')).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('    at ');
  });
});

describe('language names inside a sentence', () => {
  it.each([
    ['en', 'in English'],
    ['id', 'dalam bahasa Indonesia'],
    ['de', 'auf Deutsch'],
    ['fr', 'en français'],
  ] as const)(
    'lang %s confirms in that language, naming it as that language says it',
    async (code, phrase) => {
      const { deps } = world();
      const call = slash(`lang ${code}`, { userId: `ULANG${code.toUpperCase()}` });
      await socialvsCommand(deps)(call.args);
      expect(String(onlyReply(call).text)).toContain(phrase);
    },
  );
});
