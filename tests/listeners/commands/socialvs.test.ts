/**
 * The /socialvs listener on its own: acknowledged first, answered privately through
 * respond(), in the asker's language, and a failed Slack call is logged, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../../../src/knowledge/languages.js';
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

function onlyReply(respond: ReturnType<typeof fakeAckRespond>['respond']): Record<string, unknown> {
  expect(respond).toHaveBeenCalledTimes(1);
  return argsOf(respond)[0] ?? {};
}

describe('/socialvs listener', () => {
  it('acknowledges before it responds', async () => {
    const { deps } = world();
    const call = slash(titleOf('roi', 'en'));
    await socialvsCommand(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
  });

  it('answers a question with the topic card, ephemeral, with a share button', async () => {
    const { deps } = world();
    for (const topic of kb.topics) {
      const call = slash(topic.text.en.title);
      await socialvsCommand(deps)(call.args);
      const reply = onlyReply(call.respond);
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.replace_original).toBe(false);
      expect(headerOf(reply)).toBe(titleOf(topic.id, 'en'));
      expect(buttonsOf(reply).map((button) => button.action_id)).toContain('topic_share');
      expect(String(reply.text).length).toBeGreaterThan(0);
    }
  });

  it('answers help and list with their cards', async () => {
    const { deps } = world();
    const help = slash('help');
    await socialvsCommand(deps)(help.args);
    expect(headerOf(onlyReply(help.respond))).toBe(translate(kb.ui, 'en', 'help.header'));
    const list = slash('list');
    await socialvsCommand(deps)(list.args);
    const reply = onlyReply(list.respond);
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
    const confirmation = onlyReply(lang.respond);
    expect(confirmation.response_type).toBe('ephemeral');
    expect(confirmation.text).toBe(translate(kb.ui, 'fr', 'lang.saved', { language: LANGUAGE_NAMES.fr }));

    const list = slash('list', { userId: 'UFRANCE' });
    await socialvsCommand(deps)(list.args);
    expect(headerOf(onlyReply(list.respond))).toBe(translate(kb.ui, 'fr', 'list.header'));
  });

  it("uses the asker's Slack locale when no language is saved, asking users.info once", async () => {
    const { deps } = world();
    const client = fakeClient({ UDE: 'de-DE' });
    for (let i = 0; i < 2; i++) {
      const call = slash('list', { userId: 'UDE', client });
      await socialvsCommand(deps)(call.args);
      expect(headerOf(onlyReply(call.respond))).toBe(translate(kb.ui, 'de', 'list.header'));
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
    expect(headerOf(onlyReply(call.respond))).toBe(translate(kb.ui, 'en', 'help.header'));
    expect(linesWith(lines, 'users.info failed', 'UGHOST', 'user_not_found')).toHaveLength(1);
  });

  it('subscribe in a DM answers that tips are for channels', async () => {
    const { deps } = world();
    const call = slash('subscribe', { channelId: 'D0DM', channelName: 'directmessage' });
    await socialvsCommand(deps)(call.args);
    expect(onlyReply(call.respond).text).toBe(translate(kb.ui, 'en', 'subscribe.dm'));
  });

  it('logs a failed respond() with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = slash('help', { channelId: 'C0LOCKED' });
    call.respond.mockRejectedValue(platformError('not_in_channel'));
    await expect(socialvsCommand(deps)(call.args)).resolves.toBeUndefined();
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(linesWith(lines, 'response_url failed', 'C0LOCKED', 'not_in_channel')).toHaveLength(1);
  });

  it('logs a respond() that fails with a plain error, with its message', async () => {
    const { deps, lines } = world();
    const call = slash('help', { channelId: 'C0GONE' });
    call.respond.mockRejectedValue(new Error('Request failed with status code 404'));
    await expect(socialvsCommand(deps)(call.args)).resolves.toBeUndefined();
    expect(
      linesWith(lines, 'ERROR', 'response_url failed', 'C0GONE', 'Request failed with status code 404'),
    ).toHaveLength(1);
  });

  it('answers the generic apology when the store fails, and logs it', async () => {
    const { deps, store, lines } = world();
    await store.close();
    const call = slash('list', { channelId: 'C0BROKEN' });
    await expect(socialvsCommand(deps)(call.args)).resolves.toBeUndefined();
    const reply = onlyReply(call.respond);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(translate(kb.ui, 'en', 'error.generic'));
    expect(linesWith(lines, 'ERROR', '/socialvs failed', 'C0BROKEN')).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('    at ');
  });
});
